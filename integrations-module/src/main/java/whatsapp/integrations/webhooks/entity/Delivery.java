package whatsapp.integrations.webhooks.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import whatsapp.integrations.api.Observation;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * One webhook delivery from Evolution (envelope of evolution-api.md §8). {@code dateTime} is
 * Evolution's local wall clock labelled Z: only ever compared with other deliveries.
 */
public record Delivery(String event, String instance, JsonObject data, String sender, Instant dateTime) {

    public static Delivery of(JsonObject body) {
        if (body == null) throw new InvalidInput("body", "a JSON webhook delivery is required");
        String event = text(body, "event").orElseThrow(() -> new InvalidInput("event", "is required"));
        String instance = text(body, "instance").orElseThrow(() -> new InvalidInput("instance", "is required"));
        Instant at;
        try {
            at = text(body, "date_time").map(Instant::parse).orElseThrow(() -> new InvalidInput("date_time", "is required"));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("date_time", "must be an ISO-8601 instant");
        }
        JsonObject data = body.get("data") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return new Delivery(event, instance, data, text(body, "sender").orElse(null), at);
    }

    /** What the delivery says about the instance's status, if anything; a close's reason is refined later. */
    public Optional<Observation> observation(Instant receivedAt) {
        return switch (event) {
            case "connection.update" -> text(data, "state").flatMap(state -> switch (state) {
                case "open" -> Optional.of(seen("connected", phoneOf(text(data, "wuid").orElse(sender)), null, receivedAt));
                case "connecting" -> Optional.of(seen("connecting", null, null, receivedAt));
                case "close" -> Optional.of(seen("disconnected", null, CloseReasons.of(statusReason()), receivedAt));
                case "refused" -> Optional.of(seen("disconnected", null, "qr_refused (428)", receivedAt));
                default -> Optional.empty();
            });
            case "qrcode.updated" -> Optional.of(data.containsKey("qrcode")
                    ? seen("connecting", null, null, receivedAt)
                    : seen("disconnected", null, "qr_limit_reached", receivedAt));
            default -> Optional.empty();
        };
    }

    public int statusReason() {
        return data.get("statusReason") instanceof jakarta.json.JsonNumber number ? number.intValue() : 0;
    }

    Observation seen(String status, String phone, String reason, Instant at) {
        return new Observation(instance, status, phone, reason, at);
    }

    static String phoneOf(String jid) {
        if (jid == null) return null;
        String digits = jid.split("[@:]", 2)[0];
        return digits.matches("\\d{5,20}") ? digits : null;
    }

    static Optional<String> text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }
}
