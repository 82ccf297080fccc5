package whatsapp.integrations.events.entity;

import java.util.UUID;

/** The place the relay gave an event: cluster-wide {@code sequence}, per-integration {@code version}, and its final JSON. */
public record Assignment(UUID eventId, UUID integrationId, long sequence, long version, String payload) {
}
