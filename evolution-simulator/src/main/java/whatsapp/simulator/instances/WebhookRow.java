package whatsapp.simulator.instances;

import java.time.Instant;
import whatsapp.simulator.WebhookSettings;

/** The stored {@code Webhook} row of an instance, as {@code /webhook/set} and {@code /webhook/find} answer it. */
public record WebhookRow(String id, WebhookSettings settings, Instant createdAt, Instant updatedAt) {

    public WebhookRow replacedBy(WebhookSettings newSettings, Instant now) {
        return new WebhookRow(id, newSettings, createdAt, now);
    }
}
