package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.instances.QrCode;
import whatsapp.simulator.instances.Settings;
import whatsapp.simulator.instances.Timestamps;
import whatsapp.simulator.instances.WebhookRow;
import whatsapp.simulator.http.Json;

/** Evolution's small response bodies (the instance list is in {@link InstanceRows}). */
final class JsonShapes {

    private static final String WA_WEB_VERSION = "2.3000.1028950286";

    private JsonShapes() {
    }

    static ObjectNode welcome(ApiVersion version, String baseUrl) {
        var body = Json.object().put("status", 200).put("message", "Welcome to the Evolution API, it is working!")
                .put("version", version.release());
        if (version == ApiVersion.V2) {
            body.put("clientName", InstanceRows.CLIENT_NAME).put("manager", baseUrl + "/manager")
                    .put("documentation", "https://doc.evolution-api.com").put("whatsappWebVersion", WA_WEB_VERSION);
        } else {
            body.put("swagger", baseUrl + "/docs").put("manager", baseUrl + "/manager")
                    .put("documentation", "https://doc.evolution-api.com");
        }
        return body;
    }

    /** {@code {"instance":{"instanceName":..,"state":..}}}; no {@code state} when not loaded. */
    static ObjectNode connectionState(String name, String state) {
        var body = Json.object();
        var instance = body.putObject("instance").put("instanceName", name);
        if (state != null) instance.put("state", state);
        return body;
    }

    static ObjectNode qr(QrCode qr) {
        return Json.object().put("pairingCode", qr.pairingCode()).put("code", qr.code()).put("base64", qr.base64())
                .put("count", qr.count());
    }

    static ObjectNode success(String message) {
        var body = Json.object().put("status", "SUCCESS").put("error", false);
        body.putObject("response").put("message", message);
        return body;
    }

    /** What connect and restart answer when they fail: HTTP 200 with {@code "error": true}. */
    static ObjectNode failedWith200(String message) {
        return Json.object().put("error", true).put("message", message);
    }

    static ObjectNode webhookRow(WebhookRow row, String instanceId) {
        var body = Json.object().put("id", row.id()).put("url", row.settings().url());
        var headers = body.putObject("headers");
        row.settings().headers().forEach(headers::put);
        body.put("enabled", row.settings().enabled());
        var events = body.putArray("events");
        row.settings().events().forEach(events::add);
        return body.put("webhookByEvents", row.settings().byEvents()).put("webhookBase64", row.settings().base64())
                .put("createdAt", Timestamps.format(row.createdAt())).put("updatedAt", Timestamps.format(row.updatedAt()))
                .put("instanceId", instanceId);
    }

    /** The 201 of create: 2.3.6 shape (live status, plain hash) or 1.8 shape (status "created", hash object). */
    static ObjectNode created(Instance instance, NewInstance request, QrCode qr, ApiVersion version) {
        var body = Json.object();
        var v2 = version == ApiVersion.V2;
        body.putObject("instance").put("instanceName", instance.name()).put("instanceId", instance.id())
                .put("integration", request.integration())
                .put(v2 ? "webhookWaBusiness" : "webhook_wa_business", (String) null)
                .put(v2 ? "accessTokenWaBusiness" : "access_token_wa_business", "")
                .put("status", v2 ? instance.view().state() : "created");
        if (v2) body.put("hash", instance.token());
        else body.putObject("hash").put("apikey", instance.token());
        if (v2) {
            body.set("webhook", webhookEcho(request.body().path("webhook")));
            body.putObject("websocket");
            body.putObject("rabbitmq");
            body.putObject("nats");
            body.putObject("sqs");
        } else if (request.webhook() != null) {
            body.put("webhook", request.webhook().url()).put("webhook_by_events", request.webhook().byEvents());
            var events = body.putArray("events");
            request.webhook().events().forEach(events::add);
        }
        body.set("settings", settings(request.settings(), v2));
        if (request.qrcode() && qr != null) body.set("qrcode", qr(qr));
        else if (request.qrcode()) body.putObject("qrcode").put("count", 0);
        return body;
    }

    /** Sub-objects echo only what was sent. */
    private static ObjectNode webhookEcho(JsonNode sent) {
        var echo = Json.object();
        if (!sent.isObject()) return echo;
        if (sent.has("url")) echo.set("webhookUrl", sent.get("url"));
        if (sent.has("headers")) echo.set("webhookHeaders", sent.get("headers"));
        if (sent.has("byEvents")) echo.set("webhookByEvents", sent.get("byEvents"));
        if (sent.has("base64")) echo.set("webhookBase64", sent.get("base64"));
        return echo;
    }

    private static ObjectNode settings(Settings s, boolean v2) {
        if (!v2) {
            return Json.object().put("reject_call", s.rejectCall()).put("msg_call", s.msgCall())
                    .put("groups_ignore", s.groupsIgnore()).put("always_online", s.alwaysOnline())
                    .put("read_messages", s.readMessages()).put("read_status", s.readStatus())
                    .put("sync_full_history", s.syncFullHistory());
        }
        return Json.object().put("rejectCall", s.rejectCall()).put("msgCall", s.msgCall())
                .put("groupsIgnore", s.groupsIgnore()).put("alwaysOnline", s.alwaysOnline())
                .put("readMessages", s.readMessages()).put("readStatus", s.readStatus())
                .put("syncFullHistory", s.syncFullHistory()).put("wavoipToken", s.wavoipToken());
    }
}
