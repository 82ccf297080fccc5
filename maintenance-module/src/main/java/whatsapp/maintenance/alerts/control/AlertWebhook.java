package whatsapp.maintenance.alerts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs alert notices as JSON to {@code alert.webhook-url} (ALERT_WEBHOOK_URL), when set, with short timeouts. The
 * URL itself is never logged (it may carry a token).
 */
@ApplicationScoped
public class AlertWebhook {

    static final Logger LOG = Logger.getLogger(AlertWebhook.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "alert.webhook-url")
    Optional<String> webhookUrl;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether a receiver is configured: without one, alerts are still recorded but no notice is owed. */
    public boolean configured() {
        return webhookUrl.filter(value -> !value.isBlank()).isPresent();
    }

    /** @return empty when the receiver answered 2xx, else why not */
    public Optional<String> post(JsonObject notice) {
        if (!configured()) return Optional.of("no ALERT_WEBHOOK_URL");
        try {
            var request = HttpRequest.newBuilder(URI.create(webhookUrl.get())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(notice.toString())).build();
            var status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) return Optional.empty();
            LOG.warning(() -> "Alert receiver answered HTTP " + status + "; the notice is retried");
            return Optional.of("HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {   // bad URL, refused, timeout: retried later
            LOG.warning(() -> "Alert not delivered (" + e.getClass().getSimpleName() + "); the notice is retried");
            return Optional.of(e.getClass().getSimpleName());
        }
    }
}
