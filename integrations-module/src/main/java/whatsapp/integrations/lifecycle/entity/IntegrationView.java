package whatsapp.integrations.lifecycle.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.integrations.api.Status;

/** An integration as every endpoint returns it, in the contract's field order. No secret is part of it. */
@JsonbPropertyOrder({"id", "organizationId", "type", "provider", "instanceName", "status", "enabled", "phoneNumber",
        "connectedAt", "disconnectReason", "canSend", "cannotSendReason", "restricted", "createdAt", "updatedAt",
        "webhookUnverified", "evolutionServer", "health", "probeFailedAt", "monitoring"})
public record IntegrationView(UUID id, String organizationId, String type, String provider, String instanceName,
                              Status status, boolean enabled, String phoneNumber, Instant connectedAt,
                              String disconnectReason,
                              @Schema(description = "true only while connected: WhatsApp messages can be sent "
                                      + "through the instance") boolean canSend,
                              @Schema(description = "why no message can be sent, in plain words (\"banned by WhatsApp\", "
                                      + "\"removed from the phone: scan a new QR code\", \"reconnecting: ...\"); null "
                                      + "when can_send is true") String cannotSendReason,
                              @Schema(description = "true when WhatsApp or the phone ended the session (a ban, a "
                                      + "removal, a logout: close codes 401, 402, 403, 406): no reconnect or restart "
                                      + "brings it back, a human must act") boolean restricted,
                              Instant createdAt, Instant updatedAt,
                              @Schema(description = "true while Evolution may still send a webhook secret that matches no "
                                      + "stored hash (an adopted instance whose webhook could not be set); retried in "
                                      + "the background until Evolution takes a fresh one") boolean webhookUnverified,
                              @Schema(description = "the configured name of the Evolution server that holds the instance "
                                      + "(\"default\" for a single-server deployment)") String evolutionServer,
                              @Schema(description = "zombie: connected in Evolution's eyes, but the liveness probe "
                                      + "(PROBE_NUMBER) found it dead since probe_failed_at; ok otherwise (also when "
                                      + "probing is off)", enumeration = {"ok", "zombie"}) String health,
                              @Schema(description = "since when the liveness probe has found the connected instance "
                                      + "dead; null unless health is zombie") Instant probeFailedAt,
                              @Schema(description = "while monitoring is paused (PUT /integrations/{id}/monitoring): "
                                      + "until when and why; null otherwise") MonitoringPause monitoring) {

    public static final String OK = "ok";
    public static final String ZOMBIE = "zombie";

    public static IntegrationView of(Integration i) {
        boolean zombie = i.zombie();
        return of(i.id(), i.organizationId(), i.type(), i.provider(), i.instanceName(), i.status(), i.enabled(),
                i.phoneNumber(), i.connectedAt(), i.disconnectReason(), i.createdAt(), i.updatedAt(), i.webhookUnverified(),
                i.evolutionServer(), zombie ? i.probeFailedAt() : null, i.monitoringPausedUntil(), i.monitoringPauseReason(),
                Instant.now());
    }

    /**
     * @param probeFailedAt         non-null only for a connected instance the probe found dead (a zombie)
     * @param monitoringPausedUntil shown (with its reason) only while it lies after {@code now}
     */
    public static IntegrationView of(UUID id, String organizationId, String type, String provider, String instanceName,
                                     Status status, boolean enabled, String phoneNumber, Instant connectedAt,
                                     String disconnectReason, Instant createdAt, Instant updatedAt,
                                     boolean webhookUnverified, String evolutionServer, Instant probeFailedAt,
                                     Instant monitoringPausedUntil, String monitoringPauseReason, Instant now) {
        var sending = CloseReason.sending(status, disconnectReason);
        var monitoring = monitoringPausedUntil != null && monitoringPausedUntil.isAfter(now)
                ? new MonitoringPause(monitoringPausedUntil, monitoringPauseReason) : null;
        return new IntegrationView(id, organizationId, type, provider, instanceName, status, enabled, phoneNumber,
                connectedAt, disconnectReason, sending.canSend(), sending.reason(), sending.restricted(), createdAt,
                updatedAt, webhookUnverified, evolutionServer, probeFailedAt == null ? OK : ZOMBIE, probeFailedAt, monitoring);
    }

    /** {@code {"paused_until", "reason"}}: no alert and no auto-heal for the instance until then. */
    @JsonbPropertyOrder({"pausedUntil", "reason"})
    public record MonitoringPause(Instant pausedUntil, String reason) {
    }
}
