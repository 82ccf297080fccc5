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
import whatsapp.integrations.lifecycle.entity.Claim;
import whatsapp.integrations.lifecycle.entity.InstanceName;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Status;

/**
 * Every database step of the lifecycle, each one short transaction, so that no transaction is
 * open while Evolution is called and a crash between two steps leaves a state the next attempt
 * finishes. Events and audit entries are written in the same transaction as the change.
 */
@Stateless
public class Ledger {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public Optional<Integration> find(UUID id) {
        return Optional.ofNullable(em.find(Integration.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public Optional<Integration> enabledFor(String organizationId) {
        return em.createNamedQuery(Integration.ENABLED_FOR, Integration.class)
                .setParameter("organization", organizationId).getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<Integration> deletingFor(String organizationId) {
        return em.createNamedQuery(Integration.DELETING_FOR, Integration.class)
                .setParameter("organization", organizationId).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<Integration> of(String organizationId) {
        var query = organizationId == null
                ? em.createNamedQuery(Integration.ALL, Integration.class)
                : em.createNamedQuery(Integration.BY_ORGANIZATION, Integration.class).setParameter("organization", organizationId);
        return query.getResultList();
    }

    /** Insert-first claim of the organization's creation slot; an expired claim is taken over. */
    public Claim claim(String organizationId, InstanceName name, String secretHash, String claimant, Duration lease) {
        serialize(organizationId);
        if (enabledFor(organizationId).isPresent()) return new Claim.Busy(); // created meanwhile: reuse it
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                INSERT INTO integrations.provisioning_claims
                    (organization_id, instance_name, webhook_secret_hash, claimed_by, claimed_until, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (organization_id) DO NOTHING""")
                .setParameter(1, organizationId).setParameter(2, name.value()).setParameter(3, secretHash)
                .setParameter(4, claimant).setParameter(5, now.plus(lease)).setParameter(6, now)
                .executeUpdate();
        if (inserted == 1) return new Claim.Fresh(name);
        @SuppressWarnings("unchecked")
        List<String> takenOver = em.createNativeQuery("""
                UPDATE integrations.provisioning_claims SET claimed_by = ?1, claimed_until = ?2
                WHERE organization_id = ?3 AND claimed_until < ?4 RETURNING instance_name""")
                .setParameter(1, claimant).setParameter(2, now.plus(lease))
                .setParameter(3, organizationId).setParameter(4, now)
                .getResultList();
        return takenOver.isEmpty() ? new Claim.Busy() : new Claim.TakenOver(new InstanceName(takenOver.get(0)));
    }

    /**
     * Claims and creations of one organization take turns: a transaction-scoped advisory lock, so
     * that "no enabled row" read under it stays true until the claim is written.
     */
    void serialize(String organizationId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('whatsapp-organization:' || ?1))")
                .setParameter(1, organizationId).getSingleResult();
    }

    /** The secret hash recorded with the claim: what an adopted instance's webhooks will present. */
    public String claimedSecretHash(String organizationId) {
        return (String) em.createNativeQuery(
                        "SELECT webhook_secret_hash FROM integrations.provisioning_claims WHERE organization_id = ?1")
                .setParameter(1, organizationId).getResultStream().findFirst().orElse(null);
    }

    /** Evolution has the instance: the integration row replaces the claim, with its event and audit entry. */
    public Integration recordCreated(String organizationId, InstanceName name, String instanceId, String secretHash,
                                     Status status, String actor, String reason) {
        serialize(organizationId);
        Instant now = Instant.now();
        var integration = new Integration(UUID.randomUUID(), organizationId, name.value(), instanceId, secretHash, status, now);
        em.persist(integration);
        em.createNativeQuery("DELETE FROM integrations.provisioning_claims WHERE organization_id = ?1")
                .setParameter(1, organizationId).executeUpdate();
        outbox.append(EventType.CREATED, integration, now);
        audit.record(actor, "instance.created", integration, reason, now);
        return integration;
    }

    /** Creation outcome unknown (Evolution unreachable): the claim keeps the name and expires now. */
    public void releaseClaim(String organizationId, String claimant) {
        em.createNativeQuery("UPDATE integrations.provisioning_claims SET claimed_until = ?1 WHERE organization_id = ?2 AND claimed_by = ?3")
                .setParameter(1, Instant.now()).setParameter(2, organizationId).setParameter(3, claimant).executeUpdate();
    }

    /** Evolution refused the creation outright: nothing exists, forget the claim. */
    public void dropClaim(String organizationId, String claimant) {
        em.createNativeQuery("DELETE FROM integrations.provisioning_claims WHERE organization_id = ?1 AND claimed_by = ?2")
                .setParameter(1, organizationId).setParameter(2, claimant).executeUpdate();
    }

    public void recordReuse(Integration integration, String actor) {
        audit.record(actor, "instance.reused", integration, "Evolution confirmed the instance", Instant.now());
    }

    /** Step 1 of a deletion: no longer enabled. Idempotent. */
    public Optional<Integration> markDeleting(UUID id, String actor, String reason) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null) return Optional.empty();
        Instant now = Instant.now();
        if (integration.markDeleting(actor, reason, now)) {
            audit.record(actor, "deletion.requested", integration, reason, now);
        }
        return Optional.of(integration);
    }

    /** Step 2 done (Evolution has no instance): instance.removed goes to the outbox with it. */
    public Integration instanceRemoved(UUID id, boolean wasPresent) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration == null || integration.instanceRemoved()) return integration;
        Instant now = Instant.now();
        integration.instanceRemoved(now);
        outbox.append(EventType.REMOVED, integration, now);
        audit.record(integration.deletionActor(), "instance.deleted", integration,
                (wasPresent ? "" : "already gone from Evolution; ") + integration.deletionReason(), now);
        return integration;
    }

    /** Last step: the row goes (the audit log keeps its history). */
    public void remove(UUID id) {
        // idempotent: two finishers of one deletion (a repeated DELETE, the retry timer) may both get here
        em.createNativeQuery("DELETE FROM integrations.integrations WHERE id = ?1 AND status = 'deleting'")
                .setParameter(1, id).executeUpdate();
    }

    public Integration retryLater(UUID id) {
        var integration = em.find(Integration.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (integration != null) integration.retryLater(Instant.now());
        return integration;
    }

    /** See {@code Integrations.leaseConnect}. */
    public boolean leaseConnect(String instanceName, Duration lease) {
        Instant now = Instant.now();
        return em.createNativeQuery("""
                UPDATE integrations.integrations SET connect_lease_until = ?1
                WHERE instance_name = ?2 AND status <> 'deleting' AND (connect_lease_until IS NULL OR connect_lease_until < ?3)""")
                .setParameter(1, now.plus(lease)).setParameter(2, instanceName).setParameter(3, now).executeUpdate() == 1;
    }

    public void releaseConnect(String instanceName) {
        em.createNativeQuery("UPDATE integrations.integrations SET connect_lease_until = NULL WHERE instance_name = ?1")
                .setParameter(1, instanceName).executeUpdate();
    }

    /** Leases due deletions to this node; other nodes skip leased rows. */
    public List<UUID> leaseDueDeletions(int max, Duration lease) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                UPDATE integrations.integrations SET attempt_lease_until = ?1
                WHERE id IN (SELECT id FROM integrations.integrations
                             WHERE status = 'deleting' AND next_attempt_at <= ?2
                               AND (attempt_lease_until IS NULL OR attempt_lease_until < ?2)
                             ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class)
                .setParameter(1, now.plus(lease)).setParameter(2, now).setParameter(3, max)
                .getResultList();
        return ids;
    }
}
