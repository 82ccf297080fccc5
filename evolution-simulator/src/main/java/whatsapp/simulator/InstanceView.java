package whatsapp.simulator;

import java.time.Instant;

/**
 * A snapshot of one simulated instance.
 *
 * @param connectionStatus what the DB row says ({@code fetchInstances})
 * @param state            the live in-memory state ({@code connectionState}); null when not loaded
 * @param webhook          the instance's webhook, or null
 */
public record InstanceView(String id, String name, String connectionStatus, String state, boolean loaded,
                           String ownerJid, String profileName, String profilePicUrl, String integration,
                           String number, String token, Integer disconnectionReasonCode, String disconnectionObject,
                           Instant disconnectionAt, Instant createdAt, Instant updatedAt, WebhookSettings webhook,
                           int qrCount) {

    /** The token is a credential: never printed. */
    @Override
    public String toString() {
        return "InstanceView[name=" + name + ", id=" + id + ", connectionStatus=" + connectionStatus
                + ", state=" + state + ", ownerJid=" + ownerJid + ", disconnectionReasonCode="
                + disconnectionReasonCode + ", webhook=" + webhook + "]";
    }
}
