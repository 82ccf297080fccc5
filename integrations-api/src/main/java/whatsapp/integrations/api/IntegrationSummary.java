package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The part of an integration other modules may rely on; {@code statusChangedAt} is when the status last changed;
 * {@code webhookUnverified}: Evolution may still hold a webhook secret that matches no stored hash (an adopted
 * instance whose webhook could not be set yet).
 */
public record IntegrationSummary(UUID id, String organizationId, String instanceName, Status status,
                                 boolean enabled, String phoneNumber, Instant connectedAt,
                                 String disconnectReason, Instant createdAt, Instant updatedAt,
                                 Instant statusChangedAt, boolean webhookUnverified)
        implements Serializable {
}
