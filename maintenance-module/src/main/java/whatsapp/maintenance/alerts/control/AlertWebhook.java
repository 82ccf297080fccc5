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
import whatsapp.maintenance.metrics.control.MaintenanceMeters;

/**
 * POSTs alerts as JSON to {@code alert.webhook-url} (ALERT_WEBHOOK_URL), when set. Best effort with short
 * timeouts: an alert that cannot be delivered is logged, never a reason for a run to fail.
 */
@ApplicationScoped
public class AlertWebhook {

    static final Logger LOG = Logger.getLogger(AlertWebhook.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "alert.webhook-url")
    Optional<String> webhookUrl;

    @Inject
    MaintenanceMeters meters;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @return whether the receiver answered 2xx; delivered alerts are counted by type */
    public boolean post(JsonObject alert) {
        boolean sent = send(alert.toString());
        if (sent) meters.alert(alert.getString("type", "unknown"));
        return sent;
    }

    /** @return whether the receiver answered 2xx */
    boolean send(String json) {
        var url = webhookUrl.filter(value -> !value.isBlank());
        if (url.isEmpty()) return false;
        try {
            var request = HttpRequest.newBuilder(URI.create(url.get())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            var status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) LOG.warning(() -> "Alert receiver answered HTTP " + status);
            return status / 100 == 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {   // never fail a run for an alert: bad URL, refused, timeout
            LOG.warning(() -> "Alert not delivered: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
