package whatsapp.evolution.instances.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /webhook/find/{instance}} answered: the stored webhook row, or {@code null} (never set, dropped, or
 * the instance not loaded in memory, as right after an Evolution restart), or nothing usable.
 *
 * @param found   false: Evolution answered {@code null}
 * @param headers sent with every delivery, in clear text (our secret among them): never print them
 * @param failure why nothing is known (Evolution unreachable, 5xx, the instance not found), else null
 */
public record StoredWebhook(boolean found, String url, boolean enabled, List<String> events, Map<String, String> headers,
                            String failure) {

    public StoredWebhook {
        events = events == null ? List.of() : List.copyOf(events);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static StoredWebhook none() {
        return new StoredWebhook(false, null, false, List.of(), Map.of(), null);
    }

    public static StoredWebhook unavailable(String reason) {
        return new StoredWebhook(false, null, false, List.of(), Map.of(), reason);
    }

    public boolean unavailable() {
        return failure != null;
    }

    /** The row of a {@code webhook/find} answer; {@code null} (JSON) is {@link #none()}. */
    public static StoredWebhook of(JsonValue answer) {
        if (!(answer instanceof JsonObject row)) return answer == null || answer == JsonValue.NULL ? none()
                : unavailable("unexpected webhook/find answer");
        var events = new ArrayList<String>();
        if (row.get("events") instanceof JsonArray array)
            for (var event : array) if (event instanceof JsonString name) events.add(name.getString());
        var headers = new HashMap<String, String>();
        if (row.get("headers") instanceof JsonObject object)
            object.forEach((key, value) -> { if (value instanceof JsonString text) headers.put(key, text.getString()); });
        var url = row.get("url") instanceof JsonString text ? text.getString() : null;
        return new StoredWebhook(true, url, row.get("enabled") == JsonValue.TRUE, events, headers, null);
    }

    @Override
    public String toString() {
        return "StoredWebhook[found=" + found + ", url=" + url + ", enabled=" + enabled + ", events=" + events
                + ", headers=" + headers.keySet() + ", failure=" + failure + "]";
    }
}
