package whatsapp.integrations.events.entity;

import java.util.UUID;

/** A committed event the relay has not ordered yet, in insert order. */
public record Unsequenced(UUID eventId, UUID integrationId, String payload) {
}
