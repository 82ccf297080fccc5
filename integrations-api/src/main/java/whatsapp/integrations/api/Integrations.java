package whatsapp.integrations.api;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/**
 * What the integrations module publishes to the other modules of the EAR. The maintenance module
 * reaches it through this EJB view; it never reads the integrations schema itself.
 */
@Local
public interface Integrations {

    String LOOKUP = "java:app/integrations-module/IntegrationsFacade!whatsapp.integrations.api.Integrations";

    /** Every WhatsApp integration row that still exists (enabled, or being deleted). */
    List<IntegrationSummary> all();

    /**
     * Retires an integration through the same path as {@code DELETE /integrations/{id}}: marked
     * deleting, Evolution instance logged out and deleted, {@code instance.removed} published,
     * cache invalidated, row deleted, audit entry written under {@code actor}.
     */
    RetireResult retire(UUID integrationId, String actor, String reason);

    /**
     * Records an {@code instance.duplicate_number} event (one per instance named, through the
     * outbox) and an audit entry: two or more instances are paired with one WhatsApp number.
     */
    void reportDuplicateNumber(String phoneNumber, List<String> instanceNames, String actor);

    /**
     * Whether this instance name is in use here: by an integration row (enabled or being deleted) or by a
     * creation in flight (a provisioning claim). An instance in use is never an orphan.
     */
    boolean references(String instanceName);

    /** Audit entry {@code instance.deleted} for an Evolution instance that had no integration row (an orphan). */
    void auditInstanceDeleted(String instanceName, String actor, String reason);

    /**
     * Applies what a sweep or a webhook observed, in one transaction with one batched update:
     * status, phone number, {@code connected_at} (kept while connected) and disconnect reason.
     * Every status change gets a history row, an {@code instance.status_changed} event and a cache
     * refresh. Rows being deleted, and names without a row, are left alone.
     *
     * @param source {@code sweep} or {@code webhook}
     * @return the status changes made, in the order of the observations
     */
    List<StatusChange> observe(List<Observation> observations, String source);

    /**
     * Status changes of one instance from {@code since} on, oldest first, preceded by the last change
     * before {@code since} when there is one (the state the window starts in).
     */
    List<StatusChange> history(String instanceName, java.time.Instant since);

    /**
     * Takes the instance's connect lease: {@code connect} and {@code restart} calls for one instance
     * must never overlap (Evolution would start two sockets). Cluster-wide, expires by itself.
     *
     * @return false when someone else holds it (or there is no such instance)
     */
    boolean leaseConnect(String instanceName, java.time.Duration lease);

    void releaseConnect(String instanceName);

    enum RetireResult {
        /** every step finished */
        DONE,
        /** Evolution unreachable: the row is {@code deleting} and a background retry finishes it */
        PENDING,
        /** no such integration */
        UNKNOWN
    }
}
