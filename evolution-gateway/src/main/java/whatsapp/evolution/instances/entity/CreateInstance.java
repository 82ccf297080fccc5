package whatsapp.evolution.instances.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create: a Baileys instance without QR (pairing comes later through connect), with
 * Evolution's webhook pointed at us.
 *
 * @param webhookUrl     null = no webhook
 * @param webhookHeaders sent by Evolution with every delivery (e.g. a shared secret): never printed
 * @param events         Evolution event names; empty = all events
 */
public record CreateInstance(String instanceName, String webhookUrl, Map<String, String> webhookHeaders,
                             List<String> events) {

    public CreateInstance {
        Objects.requireNonNull(instanceName, "instanceName");
        webhookHeaders = webhookHeaders == null ? Map.of() : Map.copyOf(webhookHeaders);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The v2 create body: integration is required, {@code events} must be present when a webhook is sent. */
    public JsonObject toJson() {
        var body = Json.createObjectBuilder()
                .add("instanceName", instanceName)
                .add("integration", "WHATSAPP-BAILEYS")
                .add("qrcode", false);
        if (webhookUrl != null) body.add("webhook", new Webhook(webhookUrl, webhookHeaders, events).toJson());
        return body.build();
    }

    @Override
    public String toString() {
        return "CreateInstance[instanceName=" + instanceName + ", webhookUrl=" + webhookUrl
                + ", webhookHeaders=" + webhookHeaders.keySet() + ", events=" + events + "]";
    }
}
