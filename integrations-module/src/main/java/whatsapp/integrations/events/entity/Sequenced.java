package whatsapp.integrations.events.entity;

import java.util.UUID;

/**
 * An ordered event waiting to be published, as the relay reads it back.
 *
 * @param status the status the event carries ({@code deleting} for a removal)
 */
public record Sequenced(UUID eventId, EventType type, UUID integrationId, long sequence, long version, String status,
                        String instanceName, String payload) {

    public boolean removal() {
        return type == EventType.REMOVED;
    }
}
