package whatsapp.integrations.lifecycle.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;

/**
 * One organization's WhatsApp integration, backed by one Evolution instance. The database
 * allows a single enabled row per organization (partial unique index).
 */
@Entity
@Table(schema = "integrations", name = "integrations")
@NamedQuery(name = Integration.ENABLED_FOR,
        query = "SELECT i FROM Integration i WHERE i.organizationId = :organization AND i.enabled = true AND i.type = 'whatsapp'")
@NamedQuery(name = Integration.STATUS_FOR,
        query = "SELECT i FROM Integration i WHERE i.organizationId = :organization AND i.status = :status")
public class Integration {

    public static final String ENABLED_FOR = "Integration.enabledFor";
    public static final String STATUS_FOR = "Integration.statusFor";

    @Id
    UUID id;

    @Column(name = "organization_id", nullable = false)
    String organizationId;

    @Column(nullable = false)
    String type = "whatsapp";

    @Column(nullable = false)
    String provider = "evolution";

    @Column(name = "instance_name", nullable = false, unique = true)
    String instanceName;

    /** The Evolution server holding the instance: every call about it goes there. */
    @Column(name = "evolution_server", nullable = false)
    String evolutionServer = "default";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    boolean enabled;

    @Column(name = "phone_number")
    String phoneNumber;

    @Column(name = "connected_at")
    Instant connectedAt;

    @Column(name = "disconnect_reason")
    String disconnectReason;

    @Column(name = "instance_id")
    String instanceId;

    @Column(name = "webhook_secret_hash")
    String webhookSecretHash;

    @Column(name = "deletion_reason")
    String deletionReason;

    @Column(name = "deletion_actor")
    String deletionActor;

    @Column(name = "instance_removed_at")
    Instant instanceRemovedAt;

    @Column(name = "deletion_attempts")
    int deletionAttempts;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "attempt_lease_until")
    Instant attemptLeaseUntil;

    @Column(name = "status_changed_at")
    Instant statusChangedAt;

    /** The instance may hold a webhook secret that matches no stored hash (WebhookRepair sets it again). */
    @Column(name = "webhook_unverified")
    boolean webhookUnverified;

    @Column(name = "webhook_attempts")
    int webhookAttempts;

    @Column(name = "webhook_next_attempt_at")
    Instant webhookNextAttemptAt;

    /** Since when the liveness probe has found the connected instance dead (a zombie); written by the probe only. */
    @Column(name = "probe_failed_at", insertable = false, updatable = false)
    Instant probeFailedAt;

    /** No alert and no auto-heal for the instance until then (PUT .../monitoring); written by MonitoringPauses only. */
    @Column(name = "monitoring_paused_until", insertable = false, updatable = false)
    Instant monitoringPausedUntil;

    @Column(name = "monitoring_pause_reason", insertable = false, updatable = false)
    String monitoringPauseReason;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Integration() {
    }

    public Integration(UUID id, String organizationId, String instanceName, String instanceId,
                       String webhookSecretHash, Status status, Instant now) {
        this.id = Objects.requireNonNull(id, "id is required");
        this.organizationId = Objects.requireNonNull(organizationId, "organization is required");
        this.instanceName = Objects.requireNonNull(instanceName, "instance name is required");
        this.instanceId = instanceId;
        this.webhookSecretHash = webhookSecretHash;
        this.status = Objects.requireNonNull(status, "status is required");
        this.enabled = true;
        this.statusChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Evolution could not be given the secret whose hash this row stores: retried in the background, due now. */
    public void webhookUnverified(Instant now) {
        this.webhookUnverified = true;
        this.webhookNextAttemptAt = now;
    }

    /**
     * Stops counting as the organization's enabled integration; the deletion is under way.
     * Returns false when it already was (a repeated DELETE changes nothing).
     */
    public boolean markDeleting(String actor, String reason, Instant now) {
        if (status == Status.deleting) return false;
        this.status = Status.deleting;
        this.enabled = false;
        this.deletionActor = actor;
        this.deletionReason = reason;
        this.nextAttemptAt = now.plusSeconds(30); // the request itself tries first
        this.updatedAt = now;
        return true;
    }

    /** Evolution no longer has the instance; only the cache entry and the row remain. */
    public void instanceRemoved(Instant now) {
        this.instanceRemovedAt = now;
        this.attemptLeaseUntil = null;
        this.updatedAt = now;
    }

    public boolean instanceRemoved() {
        return instanceRemovedAt != null;
    }

    /** Evolution could not be reached: try again after a backoff that doubles up to five minutes. */
    public void retryLater(Instant now) {
        this.deletionAttempts++;
        long seconds = Math.min(300, 5L << Math.min(deletionAttempts - 1, 6));
        this.nextAttemptAt = now.plusSeconds(seconds);
        this.attemptLeaseUntil = null;
    }

    /** What events, cache entries and audit entries name. */
    public IntegrationRef ref() {
        return new IntegrationRef(id, organizationId, instanceName, status);
    }

    public UUID id() { return id; }
    public String instanceId() { return instanceId; }
    public String webhookSecretHash() { return webhookSecretHash; }
    public String deletionActor() { return deletionActor; }
    public String deletionReason() { return deletionReason; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public String organizationId() { return organizationId; }
    public String type() { return type; }
    public String provider() { return provider; }
    public String instanceName() { return instanceName; }
    public String evolutionServer() { return evolutionServer; }

    /** Set once, at creation: the server the placement chose. */
    public Integration on(String server) {
        this.evolutionServer = Objects.requireNonNull(server, "server is required");
        return this;
    }
    public Status status() { return status; }
    public boolean enabled() { return enabled; }
    public String phoneNumber() { return phoneNumber; }
    public Instant connectedAt() { return connectedAt; }
    public String disconnectReason() { return disconnectReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public boolean webhookUnverified() { return webhookUnverified; }
    public Instant probeFailedAt() { return probeFailedAt; }
    public Instant monitoringPausedUntil() { return monitoringPausedUntil; }
    public String monitoringPauseReason() { return monitoringPauseReason; }

    /** Connected in Evolution's eyes, but found dead by the liveness probe. */
    public boolean zombie() { return probeFailedAt != null && status == Status.connected; }
}
