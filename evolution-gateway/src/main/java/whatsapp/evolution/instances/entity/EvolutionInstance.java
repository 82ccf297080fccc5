package whatsapp.evolution.instances.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import whatsapp.integrations.api.Observation;

/**
 * One instance as Evolution lists it. Read from a v2 {@code fetchInstances} row (flat: {@code name},
 * {@code connectionStatus}, ...), a v1.8 row or {@code connectionState} answer (nested under {@code instance}).
 * The instance token is deliberately not read.
 *
 * @param connectionStatus as last written to Evolution's database (may lag the live socket); null when unknown
 * @param ownerJid         the paired account; sticky: Evolution keeps it after close and logout
 * @param disconnectionObject Evolution's JSON document stored as a string (v2 only)
 */
public record EvolutionInstance(String name, String id, ConnectionState connectionStatus, String ownerJid,
                                Integer disconnectionReasonCode, String disconnectionObject,
                                Instant disconnectionAt, Instant createdAt) {

    /** Looked up once: {@code Json.create...} asks the ServiceLoader on every call, and a fleet listing parses one disconnection per closed instance. */
    static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    public static EvolutionInstance from(JsonObject row) {
        if (!row.containsKey("name") && row.get("instance") instanceof JsonObject nested) return fromNested(nested);
        return new EvolutionInstance(text(row, "name"), text(row, "id"), ConnectionState.of(text(row, "connectionStatus")),
                text(row, "ownerJid"), number(row, "disconnectionReasonCode"), text(row, "disconnectionObject"),
                instant(row, "disconnectionAt"), instant(row, "createdAt"));
    }

    /** A v1.8 row or {@code connectionState} answer: the instance nested under {@code instance}. */
    static EvolutionInstance fromNested(JsonObject nested) {
        String status = text(nested, "status");
        return new EvolutionInstance(text(nested, "instanceName"), text(nested, "instanceId"),
                ConnectionState.of(status != null ? status : text(nested, "state")), text(nested, "owner"),
                null, null, null, null);
    }

    /**
     * The row the parser stands in (just after its {@code START_OBJECT}), read as {@link #from(JsonObject)} reads it,
     * but field by field: a fleet listing row carries settings, counts and the token, and only the fields kept here
     * become strings; nested values are skipped, not built (the nested {@code instance} of a v1.8 row excepted). The
     * parser is left on the row's {@code END_OBJECT}.
     */
    public static EvolutionInstance read(JsonParser parser) {
        var kept = new String[KEPT.size()];
        Integer code = null;
        boolean named = false;
        JsonObject nested = null;
        while (parser.hasNext()) {
            var event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) break;
            String key = parser.getString(); // a KEY_NAME: the parser checks the document's shape
            var value = parser.next();
            named |= key.equals("name");
            int slot = KEPT.indexOf(key); // a key given twice: the last value counts, as in a JsonObject
            if (slot >= 0) kept[slot] = value == JsonParser.Event.VALUE_STRING ? parser.getString() : null;
            if (key.equals("disconnectionReasonCode")) code = value == JsonParser.Event.VALUE_NUMBER
                    ? Integer.valueOf(parser.getBigDecimal().intValue())
                    : value == JsonParser.Event.VALUE_STRING ? digits(parser.getString()) : null;
            if (key.equals("instance")) nested = value == JsonParser.Event.START_OBJECT ? parser.getObject() : null;
            else if (value == JsonParser.Event.START_OBJECT) parser.skipObject();
            else if (value == JsonParser.Event.START_ARRAY) parser.skipArray();
        }
        if (!named && nested != null) return fromNested(nested);
        return new EvolutionInstance(kept[0], kept[1], ConnectionState.of(kept[2]), kept[3], code, kept[4], instant(kept[5]),
                instant(kept[6]));
    }

    /** The fields {@link #read(JsonParser)} keeps as text, in the order of its slots. */
    static final List<String> KEPT = List.of("name", "id", "connectionStatus", "ownerJid", "disconnectionObject",
            "disconnectionAt", "createdAt");

    /**
     * The row about {@code name} in a {@code fetchInstances?instanceName=} answer: v2 sends {@code [row]},
     * v1.8 the single {@code {"instance":{..}}}. Null when the answer is about something else.
     */
    public static EvolutionInstance named(String name, JsonValue answer) {
        var rows = answer instanceof JsonArray array ? array.stream()
                : answer instanceof JsonObject object ? Stream.<JsonValue>of(object) : Stream.<JsonValue>empty();
        return rows.filter(JsonObject.class::isInstance).map(row -> from((JsonObject) row))
                .filter(row -> name.equals(row.name())).findFirst().orElse(null);
    }

    /** This instance under another name: {@code connectionState} answers carry the name we asked for. */
    public EvolutionInstance named(String other) {
        return new EvolutionInstance(other, id, connectionStatus, ownerJid, disconnectionReasonCode, disconnectionObject,
                disconnectionAt, createdAt);
    }

    /** The digits of {@link #ownerJid()}: "5511999990000@s.whatsapp.net" → "5511999990000". */
    public Optional<String> phoneNumber() {
        if (ownerJid == null || ownerJid.isBlank()) return Optional.empty();
        var number = ownerJid.split("[@:]", 2)[0];
        return number.isEmpty() ? Optional.empty() : Optional.of(number);
    }

    /**
     * Why the instance was last closed for good, e.g. {@code device_removed (401)}, {@code logout (401)},
     * {@code conflict (440)} ({@link CloseReason}). Empty unless the instance is {@code close}: the disconnection
     * fields are sticky (Evolution keeps them after a reconnect) and mean nothing while open or connecting.
     */
    public Optional<String> disconnectReason() {
        if (connectionStatus != ConnectionState.close) return Optional.empty();
        var detail = Disconnection.parse(disconnectionObject);
        return CloseReason.of(disconnectionReasonCode != null ? disconnectionReasonCode : detail.code(), detail.text());
    }

    /** What this listing row says about the instance in our words; empty for an unknown state (v1's "created"). */
    public Optional<Observation> observation(Instant at) {
        if (connectionStatus == null) return Optional.empty();
        return Optional.of(new Observation(name, connectionStatus.status(), phoneNumber().orElse(null),
                disconnectReason().orElse(null), at));
    }

    /** The interesting parts of a parsed disconnectionObject: the Boom status code and the text to match. */
    record Disconnection(Integer code, String text) {
        static Disconnection parse(String document) {
            if (document == null || document.isBlank()) return new Disconnection(null, "");
            try (var reader = JSON.createReader(new StringReader(document))) {
                var error = reader.readObject().getJsonObject("error");
                if (error == null) return new Disconnection(null, document);
                var output = error.getJsonObject("output");
                var payload = output == null ? null : output.getJsonObject("payload");
                var data = error.get("data");
                return new Disconnection(output == null ? null : EvolutionInstance.number(output, "statusCode"),
                        (data == null ? "" : data.toString()) + " " + (payload == null ? "" : Objects.toString(EvolutionInstance.text(payload, "message"), "")));
            } catch (JsonException | ClassCastException | IllegalStateException e) {
                return new Disconnection(null, document);
            }
        }
    }

    static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString value ? value.getString() : null;
    }

    static Integer number(JsonObject object, String key) {
        var value = object.get(key);
        if (value instanceof JsonNumber number) return number.intValue();
        if (value instanceof JsonString string) return digits(string.getString());
        return null;
    }

    /** A code sent as text: 1 to 9 digits, else none. */
    static Integer digits(String text) {
        return text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    static Instant instant(JsonObject object, String key) {
        return instant(text(object, key));
    }

    /** ISO-8601 with a zone or an offset; none when missing or unreadable. */
    static Instant instant(String value) {
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException unparseable) {
                return null;
            }
        }
    }
}
