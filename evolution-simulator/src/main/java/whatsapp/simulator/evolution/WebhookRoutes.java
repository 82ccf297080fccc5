package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.webhooks.EventNames;

/**
 * {@code POST /webhook/set/{name}} (v2 body nested under {@code webhook}) → 201 stored row;
 * {@code GET /webhook/find/{name}} → the row or {@code null}.
 */
final class WebhookRoutes {

    private final InstanceLifecycle lifecycle;

    WebhookRoutes(InstanceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    void set(HttpCall call, Instance instance) throws IOException {
        JsonNode body;
        try {
            body = call.body();
        } catch (IOException notJson) {
            Errors.send(call, 400, "Unexpected token in JSON body");
            return;
        }
        var errors = errors(body);
        if (!errors.isEmpty()) {
            Errors.send(call, 400, errors.toArray(String[]::new));
            return;
        }
        var webhook = body.get("webhook");
        var enabled = webhook.get("enabled").asBoolean();
        if (enabled && !webhook.has("events")) {
            Errors.crash(call, 500, "Cannot read properties of undefined (reading 'length')");
            return;
        }
        var settings = new WebhookSettings(enabled, webhook.get("url").asText(),
                CreateRequest.headers(webhook.path("headers")), webhook.path("byEvents").asBoolean(false),
                webhook.path("base64").asBoolean(false), enabled ? CreateRequest.events(webhook.path("events")) : List.of());
        var row = lifecycle.configureWebhook(instance, settings);
        call.json(201, JsonShapes.webhookRow(row, instance.id()));
    }

    void find(HttpCall call, Instance instance) throws IOException {
        // null also means "not loaded in memory" (event.controller.ts:109-111), e.g. right after a restart
        var row = instance.loaded() ? instance.webhook() : null;
        if (row == null) call.text(200, "application/json; charset=utf-8", "null");
        else call.json(200, JsonShapes.webhookRow(row, instance.id()));
    }

    /** The jsonschema messages Evolution answers, "instance." prefix stripped as upstream does. */
    private static List<String> errors(JsonNode body) {
        var errors = new ArrayList<String>();
        var webhook = body.path("webhook");
        if (!webhook.isObject()) {
            errors.add(body.has("webhook") ? "webhook is not of a type(s) object" : "instance requires property \"webhook\"");
            return errors;
        }
        for (var field : List.of("enabled", "url")) {
            if (!webhook.has(field)) errors.add("webhook requires property \"" + field + "\"");
        }
        if (webhook.has("enabled") && !webhook.get("enabled").isBoolean()) errors.add("webhook.enabled is not of a type(s) boolean");
        if (webhook.has("url") && !webhook.get("url").isTextual()) errors.add("webhook.url is not of a type(s) string");
        var events = webhook.path("events");
        if (webhook.has("events") && !events.isArray()) errors.add("webhook.events is not of a type(s) array");
        for (int i = 0; events.isArray() && i < events.size(); i++) {
            if (!EventNames.ALL.contains(events.get(i).asText())) {
                errors.add("webhook.events[" + i + "] is not one of enum values: " + String.join(",", EventNames.ALL));
            }
        }
        return errors;
    }
}
