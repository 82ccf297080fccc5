package whatsapp.integrations.webhooks.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import whatsapp.integrations.api.Status;

/** {@code {"applied": true, "status": "connected"}}, or {@code {"applied": false, "reason": "..."}}. */
@JsonbPropertyOrder({"applied", "status", "reason"})
public record WebhookAnswer(boolean applied, Status status, String reason) {

    public static WebhookAnswer applied(Status status) {
        return new WebhookAnswer(true, status, null);
    }

    public static WebhookAnswer ignored(String reason) {
        return new WebhookAnswer(false, null, reason);
    }
}
