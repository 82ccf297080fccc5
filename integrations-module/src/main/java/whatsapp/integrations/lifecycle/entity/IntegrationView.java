package whatsapp.integrations.lifecycle.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import whatsapp.integrations.api.Status;

/** An integration as every endpoint returns it, in the contract's field order. No secret is part of it. */
@JsonbPropertyOrder({"id", "organizationId", "type", "provider", "instanceName", "status", "enabled", "phoneNumber",
        "connectedAt", "disconnectReason", "createdAt", "updatedAt", "webhookUnverified", "evolutionServer", "health",
        "probeFailedAt"})
public record IntegrationView(UUID id, String organizationId, String type, String provider, String instanceName,
                              Status status, boolean enabled, String phoneNumber, Instant connectedAt,
                              String disconnectReason, Instant createdAt, Instant updatedAt,
                              @Schema(description = "true while Evolution may still send a webhook secret that matches no "
                                      + "stored hash (an adopted instance whose webhook could not be set); retried in "
                                      + "the background until Evolution takes a fresh one") boolean webhookUnverified,
                              @Schema(description = "the configured name of the Evolution server that holds the instance "
                                      + "(\"default\" for a single-server deployment)") String evolutionServer,
                              @Schema(description = "zombie: connected in Evolution's eyes, but the liveness probe "
                                      + "(PROBE_NUMBER) found it dead since probe_failed_at; ok otherwise (also when "
                                      + "probing is off)", enumeration = {"ok", "zombie"}) String health,
                              @Schema(description = "since when the liveness probe has found the connected instance "
                                      + "dead; null unless health is zombie") Instant probeFailedAt) {

    public static final String OK = "ok";
    public static final String ZOMBIE = "zombie";

    public static IntegrationView of(Integration i) {
        boolean zombie = i.zombie();
        return new IntegrationView(i.id(), i.organizationId(), i.type(), i.provider(), i.instanceName(),
                i.status(), i.enabled(), i.phoneNumber(), i.connectedAt(), i.disconnectReason(),
                i.createdAt(), i.updatedAt(), i.webhookUnverified(), i.evolutionServer(), zombie ? ZOMBIE : OK,
                zombie ? i.probeFailedAt() : null);
    }
}
