package whatsapp.simulator.instances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.http.Json;

/**
 * The {@code disconnectionObject} column: {@code JSON.stringify(lastDisconnect)} of a Baileys Boom error,
 * {@code {"error":{"data":..,"isBoom":true,"isServer":false,"output":{statusCode,payload,headers}},"date":..}}.
 */
public final class Disconnections {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Disconnections() {
    }

    public static String describe(Disconnect reason, String instanceName, Instant at) {
        return switch (reason) {
            case DEVICE_REMOVED -> boom(deviceRemovedNode(), 401, "Unauthorized", "Stream Errored (conflict)", at);
            case API_LOGOUT -> loggedOut(instanceName, at);
            case BANNED_403 -> boom(failureNode(403), 403, "Forbidden", "Connection Failure", at);
            case TEMPORARILY_BANNED_402 -> boom(failureNode(402), 402, "Payment Required", "Connection Failure", at);
            case BANNED_406 -> boom(failureNode(406), 406, "Not Acceptable", "Connection Failure", at);
            case CONFLICT -> boom(NODES.objectNode().put("tag", "conflict")
                    .set("attrs", NODES.objectNode().put("type", "replaced")), 440, "Unknown", "Stream Errored (conflict)", at);
            case TRANSIENT_DROP -> boom(NODES.nullNode(), 408, "Request Time-out", "Connection was lost", at);
        };
    }

    /** What a logout through the API writes: {@code data: null}, message "Log out instance: <name>". */
    public static String loggedOut(String instanceName, Instant at) {
        return boom(NODES.nullNode(), 401, "Unauthorized", "Log out instance: " + instanceName, at);
    }

    private static ObjectNode deviceRemovedNode() {
        var conflict = NODES.objectNode().put("tag", "conflict");
        conflict.set("attrs", NODES.objectNode().put("type", "device_removed"));
        var node = NODES.objectNode().put("tag", "stream:error");
        node.set("attrs", NODES.objectNode().put("code", "401"));
        node.set("content", NODES.arrayNode().add(conflict));
        return node;
    }

    private static ObjectNode failureNode(int code) {
        return NODES.objectNode().put("reason", String.valueOf(code)).put("location", "frc");
    }

    private static String boom(JsonNode data, int code, String error, String message,
                               Instant at) {
        var payload = NODES.objectNode().put("statusCode", code).put("error", error).put("message", message);
        var output = NODES.objectNode().put("statusCode", code);
        output.set("payload", payload);
        output.set("headers", NODES.objectNode());
        var boom = NODES.objectNode();
        boom.set("data", data);
        boom.put("isBoom", true).put("isServer", false);
        boom.set("output", output);
        var root = NODES.objectNode();
        root.set("error", boom);
        root.put("date", Timestamps.format(at));
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
