package whatsapp.simulator;

import java.time.Instant;
import java.util.Map;

/**
 * One attempt to POST a webhook.
 *
 * @param body   the JSON envelope as sent
 * @param status the receiver's HTTP status, or null when the attempt failed ({@code error} says why)
 */
public record WebhookDelivery(String event, String instance, String url, Map<String, String> headers, String body,
                              Integer status, String error, int attempt, Instant at) {

    public WebhookDelivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }

    /** Header values (secrets, JWTs) are not printed. */
    @Override
    public String toString() {
        return "WebhookDelivery[event=" + event + ", instance=" + instance + ", url=" + url + ", headers="
                + headers.keySet() + ", status=" + status + ", error=" + error + ", attempt=" + attempt + "]";
    }
}
