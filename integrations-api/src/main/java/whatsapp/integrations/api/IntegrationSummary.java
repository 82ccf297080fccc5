package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * The part of an integration other modules may rely on; {@code statusChangedAt} is when the status last changed;
 * {@code evolutionServer} is the name of the Evolution server holding its instance ({@code default} with one server);
 * {@code webhookUnverified}: Evolution may still hold a webhook secret that matches no stored hash (an adopted
 * instance whose webhook could not be set yet); {@code probeFailedAt}: since when the liveness probe has found the
 * connected instance dead (a zombie), null when it has not, with {@code probeAnswer}, what the probe got;
 * {@code instanceId}: Evolution's id (a UUID, new on every create) of the instance the row was last seen with, null
 * when not known yet.
 */
public record IntegrationSummary(UUID id, String organizationId, String instanceName, Status status,
                                 boolean enabled, String phoneNumber, Instant connectedAt,
                                 String disconnectReason, Instant createdAt, Instant updatedAt,
                                 Instant statusChangedAt, String evolutionServer, boolean webhookUnverified,
                                 Instant probeFailedAt, String probeAnswer, String instanceId)
        implements Serializable {

    public static final String DEFAULT_SERVER = "default";

    /** Without Evolution's instance id. */
    public IntegrationSummary(UUID id, String organizationId, String instanceName, Status status, boolean enabled,
                              String phoneNumber, Instant connectedAt, String disconnectReason, Instant createdAt,
                              Instant updatedAt, Instant statusChangedAt, String evolutionServer, boolean webhookUnverified,
                              Instant probeFailedAt, String probeAnswer) {
        this(id, organizationId, instanceName, status, enabled, phoneNumber, connectedAt, disconnectReason, createdAt,
                updatedAt, statusChangedAt, evolutionServer, webhookUnverified, probeFailedAt, probeAnswer, null);
    }

    /** Never found dead by the liveness probe. */
    public IntegrationSummary(UUID id, String organizationId, String instanceName, Status status, boolean enabled,
                              String phoneNumber, Instant connectedAt, String disconnectReason, Instant createdAt,
                              Instant updatedAt, Instant statusChangedAt, String evolutionServer, boolean webhookUnverified) {
        this(id, organizationId, instanceName, status, enabled, phoneNumber, connectedAt, disconnectReason, createdAt,
                updatedAt, statusChangedAt, evolutionServer, webhookUnverified, null, null);
    }

    /** Connected in Evolution's eyes, but found dead by the liveness probe. */
    public boolean zombie() {
        return probeFailedAt != null && status == Status.connected;
    }

    /** On the one server {@value #DEFAULT_SERVER}. */
    public IntegrationSummary(UUID id, String organizationId, String instanceName, Status status, boolean enabled,
                              String phoneNumber, Instant connectedAt, String disconnectReason, Instant createdAt,
                              Instant updatedAt, Instant statusChangedAt, boolean webhookUnverified) {
        this(id, organizationId, instanceName, status, enabled, phoneNumber, connectedAt, disconnectReason, createdAt,
                updatedAt, statusChangedAt, DEFAULT_SERVER, webhookUnverified, null, null);
    }
}
