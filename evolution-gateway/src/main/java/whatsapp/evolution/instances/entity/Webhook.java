package whatsapp.evolution.instances.entity;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * Where Evolution sends an instance's events, as the create call and {@code POST /webhook/set} both take it: one
 * delivery URL for all events ({@code byEvents: false}), media not inlined, our headers on every delivery.
 *
 * @param headers sent by Evolution with every delivery (e.g. a shared secret): never printed
 * @param events  Evolution event names; empty = all events
 */
public record Webhook(String url, Map<String, String> headers, List<String> events) {

    public Webhook {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public JsonObjectBuilder toJson() {
        var headerJson = Json.createObjectBuilder();
        headers.forEach(headerJson::add);
        return Json.createObjectBuilder()
                .add("url", url)
                .add("byEvents", false)
                .add("base64", false)
                .add("headers", headerJson)
                .add("events", Json.createArrayBuilder(events));
    }

    @Override
    public String toString() {
        return "Webhook[url=" + url + ", headers=" + headers.keySet() + ", events=" + events + "]";
    }
}
