package whatsapp.simulator.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import whatsapp.simulator.InstanceView;
import whatsapp.simulator.instances.QrCode;
import whatsapp.simulator.instances.Timestamps;

/**
 * One event to deliver: dotted name, instance name, {@code data}, and the paired JID as {@code sender}
 * (null when never paired). The factories give {@code data} Evolution 2.3.6's webhook shapes.
 */
public record WebhookEvent(String event, String instance, JsonNode data, String sender) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static WebhookEvent instanceCreate(InstanceView view) {
        return new WebhookEvent("instance.create", view.name(), idData(view), view.ownerJid());
    }

    public static WebhookEvent instanceDelete(InstanceView view) {
        return new WebhookEvent("instance.delete", view.name(), idData(view), view.ownerJid());
    }

    public static WebhookEvent removeInstance(InstanceView view) {
        return new WebhookEvent("remove.instance", view.name(), NullNode.getInstance(), view.ownerJid());
    }

    public static WebhookEvent logoutInstance(InstanceView view) {
        return new WebhookEvent("logout.instance", view.name(), NullNode.getInstance(), view.ownerJid());
    }

    /** After a terminal close: the disconnection fields just written, {@code disconnectionObject} as a string. */
    public static WebhookEvent statusInstance(InstanceView view) {
        var data = NODES.objectNode().put("instance", view.name()).put("status", "closed")
                .put("disconnectionAt", Timestamps.format(view.disconnectionAt()))
                .put("disconnectionReasonCode", view.disconnectionReasonCode())
                .put("disconnectionObject", view.disconnectionObject());
        return new WebhookEvent("status.instance", view.name(), data, view.ownerJid());
    }

    public static WebhookEvent connectionConnecting(InstanceView view) {
        var data = NODES.objectNode().put("instance", view.name()).put("state", "connecting").put("statusReason", 200);
        return new WebhookEvent("connection.update", view.name(), data, view.ownerJid());
    }

    public static WebhookEvent connectionOpen(InstanceView view) {
        var data = NODES.objectNode().put("instance", view.name()).put("wuid", view.ownerJid())
                .put("profileName", view.profileName()).put("profilePictureUrl", view.profilePicUrl())
                .put("state", "open").put("statusReason", 200);
        return new WebhookEvent("connection.update", view.name(), data, view.ownerJid());
    }

    public static WebhookEvent connectionClose(InstanceView view, int statusReason) {
        var data = NODES.objectNode().put("instance", view.name()).put("state", "close")
                .put("statusReason", statusReason);
        return new WebhookEvent("connection.update", view.name(), data, view.ownerJid());
    }

    /** The give-up's first webhook: {@code qrcode.updated} with no code, only Evolution's message. */
    public static WebhookEvent qrcodeLimitReached(InstanceView view) {
        var data = NODES.objectNode().put("message", "QR code limit reached, please login again").put("statusCode", 500);
        return new WebhookEvent("qrcode.updated", view.name(), data, view.ownerJid());
    }

    /** The give-up's second webhook; the profile fields only when the instance was ever paired (then stale). */
    public static WebhookEvent connectionRefused(InstanceView view) {
        var data = NODES.objectNode().put("instance", view.name());
        if (view.ownerJid() != null) {
            data.put("wuid", view.ownerJid()).put("profileName", view.profileName())
                    .put("profilePictureUrl", view.profilePicUrl());
        }
        data.put("state", "refused").put("statusReason", 428);
        return new WebhookEvent("connection.update", view.name(), data, view.ownerJid());
    }

    public static WebhookEvent qrcodeUpdated(InstanceView view, QrCode qr) {
        var qrcode = NODES.objectNode().put("instance", view.name()).put("pairingCode", qr.pairingCode())
                .put("code", qr.code()).put("base64", qr.base64());
        var data = NODES.objectNode();
        data.set("qrcode", qrcode);
        return new WebhookEvent("qrcode.updated", view.name(), data, view.ownerJid());
    }

    private static JsonNode idData(InstanceView view) {
        return NODES.objectNode().put("instanceName", view.name()).put("instanceId", view.id());
    }
}
