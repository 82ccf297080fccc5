package whatsapp.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Map;

/**
 * Evolution's error envelope {@code {"status":..,"error":"<reason>","response":{"message":..}}}:
 * an array of strings for errors raised on purpose, the string "Unauthorized" for 401,
 * a plain string for crashes.
 */
public final class Errors {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private Errors() {
    }

    public static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    public static void send(HttpCall call, int status, String... messages) throws IOException {
        var list = Json.array();
        for (var message : messages) list.add(message);
        call.json(status, envelope(status, list));
    }

    public static void unauthorized(HttpCall call) throws IOException {
        call.json(401, envelope(401, TextNode.valueOf("Unauthorized")));
    }

    /** An unexpected failure: 500 with the error text as a plain string. */
    public static void crash(HttpCall call, int status, String text) throws IOException {
        call.json(status, envelope(status, TextNode.valueOf(text)));
    }

    private static JsonNode envelope(int status, JsonNode message) {
        var envelope = Json.object().put("status", status).put("error", reason(status));
        envelope.putObject("response").set("message", message);
        return envelope;
    }
}
