package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.audit.control.AuditLog;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.lifecycle.entity.Claim;
import whatsapp.integrations.lifecycle.entity.ClaimLost;
import whatsapp.integrations.lifecycle.entity.InstanceName;
import whatsapp.integrations.lifecycle.entity.Integration;

/**
 * The database steps of a creation, each one short transaction, so that none is open while Evolution is called: an
 * organization's one creation slot ({@code provisioning_claims}, primary key {@code organization_id}) is claimed,
 * then either turned into the integration row (with its event and audit entry) or released.
 */
@Stateless
public class Creations {

    @PersistenceContext
    EntityManager em;

    @Inject
    IntegrationReads reads;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    // Claims are taken, renewed and checked against the database's clock, like every lease: nodes' clocks may disagree.
    static final String CLAIM = """
            INSERT INTO integrations.provisioning_claims
                (organization_id, instance_name, webhook_secret_hash, claimed_by, claimed_until, created_at, evolution_server)
            VALUES (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5), now(), ?6) ON CONFLICT (organization_id) DO NOTHING""";
    static final String TAKE_OVER = """
            UPDATE integrations.provisioning_claims SET claimed_by = ?1, claimed_until = now() + make_interval(secs => ?2)
            WHERE organization_id = ?3 AND claimed_until < now() RETURNING instance_name, evolution_server""";
    static final String RENEW = """
            UPDATE integrations.provisioning_claims SET claimed_until = now() + make_interval(secs => ?1)
            WHERE organization_id = ?2 AND claimed_by = ?3""";
    static final String RELEASE = """
            UPDATE integrations.provisioning_claims SET claimed_until = now() WHERE organization_id = ?1 AND claimed_by = ?2""";

    /** Insert-first claim of the organization's creation slot; an expired claim is taken over. */
    public Claim claim(String organizationId, InstanceName name, String secretHash, String claimant, Duration lease) {
        serialize(organizationId);
        if (reads.enabledFor(organizationId).isPresent()) return new Claim.Busy(); // created meanwhile: reuse it
        int inserted = em.createNativeQuery(CLAIM)
                .setParameter(1, organizationId).setParameter(2, name.value()).setParameter(3, secretHash)
                .setParameter(4, claimant).setParameter(5, seconds(lease)).setParameter(6, name.server())
                .executeUpdate();
        if (inserted == 1) return new Claim.Fresh(name);
        @SuppressWarnings("unchecked")
        List<Object[]> takenOver = em.createNativeQuery(TAKE_OVER)
                .setParameter(1, claimant).setParameter(2, seconds(lease)).setParameter(3, organizationId)
                .getResultList();
        // a taken-over claim keeps its server: its instance may exist there already
        return takenOver.isEmpty() ? new Claim.Busy()
                : new Claim.TakenOver(new InstanceName((String) takenOver.get(0)[0], (String) takenOver.get(0)[1]));
    }

    static double seconds(Duration lease) {
        return lease.toMillis() / 1000.0;
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

    /**
     * Just before Evolution is asked to create the claim's instance: the claim is held for Evolution's worst-case
     * create time from now on.
     *
     * @throws ClaimLost when another request took the claim over meanwhile
     */
    public void renew(String organizationId, String claimant, Duration lease) {
        if (em.createNativeQuery(RENEW).setParameter(1, seconds(lease)).setParameter(2, organizationId)
                .setParameter(3, claimant).executeUpdate() == 0) throw new ClaimLost(organizationId);
    }

    /**
     * Evolution has the instance: the integration row replaces the claim, with its event and audit entry, only while
     * the claim is still this claimant's.
     *
     * @throws ClaimLost when another request took the claim over (its creator's instance is the new claimant's to adopt)
     */
    public Integration created(String organizationId, String claimant, InstanceName name, String instanceId,
                               String secretHash, Status status, String actor, String reason) {
        return created(organizationId, claimant, name, instanceId, secretHash, true, status, actor, reason);
    }

    /** @param webhookVerified false: Evolution may hold a secret other than the one hashed here (flagged, repaired later) */
    public Integration created(String organizationId, String claimant, InstanceName name, String instanceId,
                               String secretHash, boolean webhookVerified, Status status, String actor, String reason) {
        serialize(organizationId);
        int ours = em.createNativeQuery(
                        "DELETE FROM integrations.provisioning_claims WHERE organization_id = ?1 AND claimed_by = ?2")
                .setParameter(1, organizationId).setParameter(2, claimant).executeUpdate();
        if (ours == 0) throw new ClaimLost(organizationId);
        Instant now = Instant.now();
        var integration = new Integration(UUID.randomUUID(), organizationId, name.value(), instanceId, secretHash, status, now)
                .on(name.server());
        if (!webhookVerified) integration.webhookUnverified(now);
        em.persist(integration);
        outbox.append(EventType.CREATED, integration.ref(), now);
        audit.record(actor, "instance.created", integration.ref(), reason, now);
        return integration;
    }

    /** Evolution confirmed the enabled row's instance: the create request reuses it (one audit row per window). */
    public void reused(Integration integration, String actor) {
        audit.recordReuse(actor, integration.ref(), Instant.now());
    }

    /**
     * Nothing was asked of Evolution under this claim (a lookup failed): the claim keeps the name and expires now. A
     * create that was sent keeps its claim instead, for Evolution's worst-case create time.
     */
    public void release(String organizationId, String claimant) {
        em.createNativeQuery(RELEASE).setParameter(1, organizationId).setParameter(2, claimant).executeUpdate();
    }

    /** Evolution refused the creation outright: nothing exists, forget the claim. */
    public void drop(String organizationId, String claimant) {
        em.createNativeQuery("DELETE FROM integrations.provisioning_claims WHERE organization_id = ?1 AND claimed_by = ?2")
                .setParameter(1, organizationId).setParameter(2, claimant).executeUpdate();
    }
}
