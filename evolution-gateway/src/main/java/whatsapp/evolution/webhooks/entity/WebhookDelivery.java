package whatsapp.evolution.webhooks.entity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Status;

/**
 * One webhook delivery from Evolution: {@code {"event", "instance", "data", "sender", "date_time"}}.
 * {@code dateTime} is Evolution's local wall clock labelled {@code Z}, so it is only ever compared with other
 * deliveries of the same server, never with our clock.
 */
public record WebhookDelivery(String event, String instance, JsonObject data, String sender, Instant dateTime) {

    /** A body that is not a webhook delivery; {@code field} names what is wrong. */
    public static class Malformed extends RuntimeException {
        public final String field;

        Malformed(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** @throws Malformed for a missing body, event, instance or an unreadable {@code date_time} */
    public static WebhookDelivery of(JsonObject body) {
        if (body == null) throw new Malformed("body", "a JSON webhook delivery is required");
        String event = text(body, "event").orElseThrow(() -> new Malformed("event", "is required"));
        String instance = text(body, "instance").orElseThrow(() -> new Malformed("instance", "is required"));
        Instant at;
        try {
            at = text(body, "date_time").map(Instant::parse).orElseThrow(() -> new Malformed("date_time", "is required"));
        } catch (DateTimeParseException e) {
            throw new Malformed("date_time", "must be an ISO-8601 instant");
        }
        JsonObject data = body.get("data") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return new WebhookDelivery(event, instance, data, text(body, "sender").orElse(null), at);
    }

    /**
     * What the delivery says about the instance's status, if anything. A 401 close says only
     * {@link CloseReason#LOGGED_OUT}: whether the phone removed the device or someone logged out through the API is
     * in Evolution's stored disconnection document, which the caller may look up.
     */
    public Optional<Observation> observation(Instant receivedAt) {
        return switch (event) {
            case "connection.update" -> text(data, "state").flatMap(state -> {
                if ("refused".equals(state)) return Optional.of(seen(Status.disconnected, null, CloseReason.QR_REFUSED, receivedAt));
                var known = ConnectionState.of(state);
                if (known == null) return Optional.empty();
                return Optional.of(switch (known) {
                    case open -> seen(Status.connected, phoneOf(text(data, "wuid").orElse(sender)), null, receivedAt);
                    case connecting -> seen(Status.connecting, null, null, receivedAt);
                    case close -> seen(Status.disconnected, null, CloseReason.of(statusReason(), null).orElse(null), receivedAt);
                });
            });
            case "qrcode.updated" -> Optional.of(data.containsKey("qrcode")
                    ? seen(Status.connecting, null, null, receivedAt)
                    : seen(Status.disconnected, null, CloseReason.QR_LIMIT_REACHED, receivedAt));
            default -> Optional.empty();
        };
    }

    /** The close code of a {@code connection.update}; 0 when absent. */
    public int statusReason() {
        return data.get("statusReason") instanceof JsonNumber number ? number.intValue() : 0;
    }

    Observation seen(Status status, String phone, String reason, Instant at) {
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
