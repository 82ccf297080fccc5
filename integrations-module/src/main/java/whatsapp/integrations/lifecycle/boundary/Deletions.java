package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import whatsapp.integrations.audit.control.AuditLog;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.web.security.Actors;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * The database steps of a deletion, each one short transaction, so that none is open while Evolution is called
 * and a crash between two steps leaves a state the next attempt finishes ({@link Retirement}).
 */
@Stateless
public class Deletions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    /** Step 1: no longer enabled. Idempotent. */
    public Optional<Integration> markDeleting(UUID id, String actor, String reason) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null) return Optional.empty();
        Instant now = Instant.now();
        actor = Actors.bounded(actor);
        if (integration.markDeleting(actor, reason, now)) {
            audit.record(actor, "deletion.requested", integration.ref(), reason, now);
        }
        return Optional.of(integration);
    }

    /** Step 2 done (Evolution has no instance): instance.removed goes to the outbox with it. */
    public Integration instanceRemoved(UUID id, boolean wasPresent) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null || integration.instanceRemoved()) return integration;
        Instant now = Instant.now();
        integration.instanceRemoved(now);
        outbox.append(EventType.REMOVED, integration.ref(), now);
        audit.record(integration.deletionActor(), "instance.deleted", integration.ref(),
                (wasPresent ? "" : "already gone from Evolution; ") + integration.deletionReason(), now);
        return integration;
    }

    /** Last step: the row goes (the audit log keeps its history). */
    public void remove(UUID id) {
        // idempotent: two finishers of one deletion (a repeated DELETE, the retry timer) may both get here
        em.createNativeQuery("DELETE FROM integrations.integrations WHERE id = ?1 AND status = 'deleting'")
                .setParameter(1, id).executeUpdate();
    }

    /** Evolution could not be reached: the next attempt after a backoff. */
    public Integration retryLater(UUID id) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration != null) integration.retryLater(Instant.now());
        return integration;
    }

    /** Leases are taken and checked against the database's clock, like the run locks: nodes' clocks may disagree. */
    static final String LEASE_DUE = """
            UPDATE integrations.integrations SET attempt_lease_until = now() + make_interval(secs => ?1), version = version + 1
            WHERE id = (SELECT id FROM integrations.integrations
                        WHERE status = 'deleting' AND next_attempt_at <= now()
                          AND (attempt_lease_until IS NULL OR attempt_lease_until < now())
                        ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    /**
     * Leases the most overdue deletion to this node; other nodes skip leased rows. One at a time, so that the lease
     * only has to outlast one deletion's work, never a queue of them. Committed at once, whatever the caller's
     * transaction: a lease others cannot see yet is none, and its row lock would block this deletion's own later steps,
     * each a transaction of its own (RetirementRetry ran in a container transaction on Payara and waited on itself).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<UUID> leaseNextDue(Duration lease) {
        @SuppressWarnings("unchecked")
        List<?> ids = em.createNativeQuery(LEASE_DUE).setParameter(1, (double) lease.toSeconds()).getResultList();
        return ids.stream().findFirst().map(SqlValues::uuid);
    }
}
