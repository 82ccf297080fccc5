package whatsapp.simulator;

import java.util.List;
import java.util.Map;

/**
 * An instance's own webhook, as create or {@code /webhook/set} stores it.
 *
 * @param events Evolution event names ({@code CONNECTION_UPDATE}, ...); an empty list means all events
 */
public record WebhookSettings(boolean enabled, String url, Map<String, String> headers,
                              boolean byEvents, boolean base64, List<String> events) {

    public WebhookSettings {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static WebhookSettings to(String url, Map<String, String> headers, List<String> events) {
        return new WebhookSettings(true, url, headers, false, false, events);
    }

    public WebhookSettings byEvents(boolean value) {
        return new WebhookSettings(enabled, url, headers, value, base64, events);
    }

    /** Header values can be secrets: only their names are printed. */
    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", url=" + url + ", headers=" + headers.keySet()
                + ", byEvents=" + byEvents + ", events=" + events + "]";
    }
}
