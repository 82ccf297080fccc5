package whatsapp.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import whatsapp.simulator.Fault;
import whatsapp.simulator.InstanceView;
import whatsapp.simulator.SeedInstance;
import whatsapp.simulator.WebhookDelivery;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.http.Json;
import whatsapp.simulator.instances.Timestamps;

/** The admin API's JSON, both ways: the server reads what {@code SimulatorAdminClient} writes and vice versa. */
public final class AdminJson {

    private AdminJson() {
    }

    public static ObjectNode seed(SeedInstance seed) {
        var json = Json.object().put("name", seed.name()).put("status", seed.status()).put("ownerJid", seed.ownerJid())
                .put("profileName", seed.profileName()).put("number", seed.number())
                .put("disconnectionReasonCode", seed.disconnectionReasonCode())
                .put("disconnectionObject", seed.disconnectionObject())
                .put("disconnectionAt", Timestamps.format(seed.disconnectionAt()))
                .put("createdAt", Timestamps.format(seed.createdAt())).put("token", seed.token()).put("loaded", seed.loaded());
        if (seed.webhook() != null) json.set("webhook", webhook(seed.webhook()));
        return json;
    }

    /** Missing fields take {@link SeedInstance#named} defaults; {@code disconnectionObject} may be an object. */
    public static SeedInstance seed(JsonNode json) {
        if (!json.path("name").isTextual()) throw new IllegalArgumentException("a seed needs a \"name\"");
        var object = json.path("disconnectionObject");
        var seed = SeedInstance.named(json.get("name").asText()).status(json.path("status").asText("close"))
                .ownerJid(text(json, "ownerJid")).profileName(text(json, "profileName")).number(text(json, "number"))
                .disconnection(json.path("disconnectionReasonCode").isInt() ? json.get("disconnectionReasonCode").asInt() : null,
                        object.isObject() ? object.toString() : text(json, "disconnectionObject"),
                        Timestamps.parse(text(json, "disconnectionAt")))
                .createdAt(Timestamps.parse(text(json, "createdAt"))).token(text(json, "token"))
                .loaded(json.path("loaded").asBoolean(true));
        return json.path("webhook").isObject() ? seed.webhook(webhook(json.get("webhook"))) : seed;
    }

    public static ObjectNode webhook(WebhookSettings webhook) {
        var json = Json.object().put("enabled", webhook.enabled()).put("url", webhook.url())
                .put("byEvents", webhook.byEvents()).put("base64", webhook.base64());
        json.set("headers", Json.MAPPER.valueToTree(webhook.headers()));
        json.set("events", Json.MAPPER.valueToTree(webhook.events()));
        return json;
    }

    public static WebhookSettings webhook(JsonNode json) {
        var events = new ArrayList<String>();
        json.path("events").forEach(e -> events.add(e.asText()));
        return new WebhookSettings(json.path("enabled").asBoolean(true), text(json, "url"), map(json.path("headers")),
                json.path("byEvents").asBoolean(false), json.path("base64").asBoolean(false), events);
    }

    public static ObjectNode fault(Fault fault) {
        return Json.object().put("route", fault.route()).put("type", fault.type().name().toLowerCase(Locale.ROOT))
                .put("status", fault.httpStatus()).put("latencyMs", fault.latency().toMillis()).put("times", fault.times());
    }

    /** {@code {"route":"fetchInstances","type":"status|latency|reset|hang|empty|unauthorized|nonjson",...}} */
    public static Fault fault(JsonNode json) {
        var route = json.path("route").asText(Fault.ALL_ROUTES);
        var type = json.path("type").asText("").toLowerCase(Locale.ROOT).replace("_", "");
        var fault = switch (type) {
            case "status" -> Fault.status(route, json.path("status").asInt(500));
            case "latency" -> Fault.latency(route, Duration.ofMillis(json.path("latencyMs").asLong()));
            case "reset" -> Fault.reset(route);
            case "hang" -> Fault.hang(route);
            case "empty", "emptylist" -> Fault.emptyList(route);
            case "unauthorized" -> Fault.unauthorized(route);
            case "nonjson" -> Fault.nonJson(route);
            default -> throw new IllegalArgumentException("unknown fault type: " + type);
        };
        var times = json.path("times").asInt(Fault.FOREVER);
        return times == Fault.FOREVER ? fault : fault.times(times);
    }

    public static ObjectNode view(InstanceView view) {
        var json = Json.object().put("id", view.id()).put("name", view.name())
                .put("connectionStatus", view.connectionStatus()).put("state", view.state()).put("loaded", view.loaded())
                .put("ownerJid", view.ownerJid()).put("profileName", view.profileName())
                .put("profilePicUrl", view.profilePicUrl()).put("integration", view.integration())
                .put("number", view.number()).put("token", view.token())
                .put("disconnectionReasonCode", view.disconnectionReasonCode())
                .put("disconnectionObject", view.disconnectionObject())
                .put("disconnectionAt", Timestamps.format(view.disconnectionAt()))
                .put("createdAt", Timestamps.format(view.createdAt())).put("updatedAt", Timestamps.format(view.updatedAt()))
                .put("qrCount", view.qrCount());
        if (view.webhook() != null) json.set("webhook", webhook(view.webhook()));
        return json;
    }

    public static InstanceView view(JsonNode json) {
        return new InstanceView(text(json, "id"), text(json, "name"), text(json, "connectionStatus"), text(json, "state"),
                json.path("loaded").asBoolean(), text(json, "ownerJid"), text(json, "profileName"),
                text(json, "profilePicUrl"), text(json, "integration"), text(json, "number"), text(json, "token"),
                json.path("disconnectionReasonCode").isInt() ? json.get("disconnectionReasonCode").asInt() : null,
                text(json, "disconnectionObject"), Timestamps.parse(text(json, "disconnectionAt")),
                Timestamps.parse(text(json, "createdAt")), Timestamps.parse(text(json, "updatedAt")),
                json.path("webhook").isObject() ? webhook(json.get("webhook")) : null, json.path("qrCount").asInt());
    }

    public static ObjectNode delivery(WebhookDelivery delivery) {
        var json = Json.object().put("event", delivery.event()).put("instance", delivery.instance())
                .put("url", delivery.url()).put("body", delivery.body()).put("status", delivery.status())
                .put("error", delivery.error()).put("attempt", delivery.attempt())
                .put("at", Timestamps.format(delivery.at()));
        json.set("headers", Json.MAPPER.valueToTree(delivery.headers()));
        return json;
    }

    public static WebhookDelivery delivery(JsonNode json) {
        return new WebhookDelivery(text(json, "event"), text(json, "instance"), text(json, "url"), map(json.path("headers")),
                text(json, "body"), json.path("status").isInt() ? json.get("status").asInt() : null, text(json, "error"),
                json.path("attempt").asInt(), Timestamps.parse(text(json, "at")));
    }

    private static String text(JsonNode json, String field) {
        var node = json.path(field);
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Map<String, String> map(JsonNode json) {
        var map = new LinkedHashMap<String, String>();
        if (json.isObject()) json.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
