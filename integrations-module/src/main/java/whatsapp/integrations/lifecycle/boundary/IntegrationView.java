package whatsapp.integrations.lifecycle.boundary;

import java.time.Instant;
import java.util.UUID;
import whatsapp.integrations.lifecycle.entity.Integration;

/** An integration as every endpoint returns it (API.md). No secret is part of it. */
public record IntegrationView(UUID id, String organizationId, String type, String provider, String instanceName,
                              String status, boolean enabled, String phoneNumber, Instant connectedAt,
                              String disconnectReason, Instant createdAt, Instant updatedAt) {

    public static IntegrationView of(Integration i) {
        return new IntegrationView(i.id(), i.organizationId(), i.type(), i.provider(), i.instanceName(),
                i.status().name(), i.enabled(), i.phoneNumber(), i.connectedAt(), i.disconnectReason(),
                i.createdAt(), i.updatedAt());
    }
}
