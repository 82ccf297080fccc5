package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.instances.Settings;
import whatsapp.simulator.webhooks.EventNames;

/**
 * Reads a {@code POST /instance/create} body the way Evolution does: schema messages first (all of them),
 * then the integration, then the webhook's {@code events} (a TypeError upstream when missing).
 */
final class CreateRequest {

    /** Either a request or the 400 messages. */
    record Parsed(NewInstance request, List<String> errors) {
    }

    private static final Set<String> INTEGRATIONS = Set.of("WHATSAPP-BAILEYS", "WHATSAPP-BUSINESS", "EVOLUTION");
    private static final Pattern NUMBER = Pattern.compile("^\\d+[\\.@\\w-]+");
    private static final List<String> V2_FLAGS = List.of("rejectCall", "groupsIgnore", "alwaysOnline",
            "readMessages", "readStatus", "syncFullHistory", "qrcode");
    private static final List<String> V1_FLAGS = List.of("reject_call", "groups_ignore", "always_online",
            "read_messages", "read_status", "sync_full_history", "qrcode");

    private CreateRequest() {
    }

    static Parsed parse(JsonNode body, ApiVersion version) {
        var v2 = version == ApiVersion.V2;
        var errors = schemaErrors(body, v2 ? V2_FLAGS : V1_FLAGS);
        if (!errors.isEmpty()) return new Parsed(null, errors);
        var integration = body.path("integration").asText(v2 ? "" : "WHATSAPP-BAILEYS");
        if (!INTEGRATIONS.contains(integration)) return failed("Invalid integration");
        var number = body.path("number").isTextual() ? body.path("number").asText() : null;
        if ("WHATSAPP-BUSINESS".equals(integration) && number == null) return failed("number is required");
        var webhookNode = body.path("webhook");
        if (v2 && webhookNode.isObject() && !webhookNode.has("events")) {
            return failed("Cannot read properties of undefined (reading 'length')");
        }
        var webhook = v2 ? webhookV2(webhookNode) : webhookV1(body);
        var token = body.path("token").asText("");
        var settings = v2
                ? settings(body, "rejectCall", "msgCall", "groupsIgnore", "alwaysOnline", "readMessages", "readStatus", "syncFullHistory")
                : settings(body, "reject_call", "msg_call", "groups_ignore", "always_online", "read_messages", "read_status", "sync_full_history");
        return new Parsed(new NewInstance(body.get("instanceName").asText(), token.isEmpty() ? null : token,
                integration, number, body.path("qrcode").asBoolean(false), webhook, settings, body), List.of());
    }

    private static List<String> schemaErrors(JsonNode body, List<String> flags) {
        var errors = new ArrayList<String>();
        if (!body.isObject()) return List.of("instance is not of a type(s) object");
        if (!body.has("instanceName")) errors.add("instance requires property \"instanceName\"");
        for (var field : List.of("instanceName", "token", "number", "integration")) {
            if (body.has(field) && !body.get(field).isTextual()) errors.add(field + " is not of a type(s) string");
        }
        if (body.path("number").isTextual() && !NUMBER.matcher(body.get("number").asText()).find()) {
            errors.add("number does not match pattern \"^\\d+[\\.@\\w-]+\"");
        }
        for (var flag : flags) {
            if (body.has(flag) && !body.get(flag).isBoolean()) errors.add(flag + " is not of a type(s) boolean");
        }
        return errors;
    }

    private static WebhookSettings webhookV2(JsonNode node) {
        if (!node.isObject()) return null;
        var url = node.path("url").isTextual() ? node.get("url").asText() : null;
        return new WebhookSettings(true, url, headers(node.path("headers")), node.path("byEvents").asBoolean(false),
                node.path("base64").asBoolean(false), events(node.path("events")));
    }

    /** 1.8: {@code webhook} is the URL, with flat {@code webhook_by_events} and {@code events}. */
    private static WebhookSettings webhookV1(JsonNode body) {
        if (!body.path("webhook").isTextual() || body.get("webhook").asText().isEmpty()) return null;
        return new WebhookSettings(true, body.get("webhook").asText(), headers(body.path("webhook_headers")),
                body.path("webhook_by_events").asBoolean(false), body.path("webhook_base64").asBoolean(false),
                events(body.path("events")));
    }

    static LinkedHashMap<String, String> headers(JsonNode node) {
        var headers = new LinkedHashMap<String, String>();
        if (node.isObject()) node.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** {@code []} subscribes to every event, as Evolution stores it. */
    static List<String> events(JsonNode node) {
        var events = new ArrayList<String>();
        if (node.isArray()) node.forEach(e -> events.add(e.asText()));
        return events.isEmpty() ? EventNames.ALL : events;
    }

    private static Settings settings(JsonNode body, String rejectCall, String msgCall, String groupsIgnore,
                                     String alwaysOnline, String readMessages, String readStatus, String syncFullHistory) {
        return Settings.of(body.path(rejectCall).asBoolean(false), body.path(msgCall).asText(""),
                body.path(groupsIgnore).asBoolean(false), body.path(alwaysOnline).asBoolean(false),
                body.path(readMessages).asBoolean(false), body.path(readStatus).asBoolean(false),
                body.path(syncFullHistory).asBoolean(false), Instant.now());
    }

    private static Parsed failed(String message) {
        return new Parsed(null, List.of(message));
    }
}
