package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database steps of setting an adopted instance's webhook secret again, each one short transaction, none open
 * while Evolution is called. Rows are leased against the database's clock, one at a time, so that on a cluster each is
 * worked by one node.
 */
@Stateless
public class WebhookRepairs {

    /** A row to repair: which instance, leased to this node. */
    public record Due(UUID id, String instanceName, String evolutionServer) {
    }

    static final String LEASE_NEXT = """
            UPDATE integrations.integrations SET webhook_next_attempt_at = now() + make_interval(secs => ?1)
            WHERE id = (SELECT id FROM integrations.integrations
                        WHERE webhook_unverified AND status <> 'deleting' AND webhook_next_attempt_at <= now()
                        ORDER BY webhook_next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING CAST(id AS text), instance_name, evolution_server""";

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    whatsapp.integrations.audit.control.AuditLog audit;

    public Optional<Due> leaseNext(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(LEASE_NEXT).setParameter(1, (double) lease.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> new Due(UUID.fromString((String) row[0]), (String) row[1], (String) row[2]));
    }

    /** Evolution took the fresh secret: its hash is stored and the flag cleared. */
    public void verified(UUID id, String secretHash) {
        em.createNativeQuery("""
                UPDATE integrations.integrations SET webhook_secret_hash = ?1, webhook_unverified = false, webhook_attempts = 0,
                    webhook_next_attempt_at = NULL, version = version + 1
                WHERE id = ?2 AND webhook_unverified""")
                .setParameter(1, secretHash).setParameter(2, id).executeUpdate();
    }

    /** Evolution did not take it: the next attempt after a backoff that doubles from 10 s up to five minutes. */
    public void retryLater(UUID id) {
        em.createNativeQuery("""
                UPDATE integrations.integrations SET webhook_attempts = webhook_attempts + 1,
                    webhook_next_attempt_at = now() + make_interval(secs => least(300, 10 * power(2, least(webhook_attempts, 5))))
                WHERE id = ?1 AND webhook_unverified""")
                .setParameter(1, id).executeUpdate();
    }

    /** A row whose webhook settings a check compares: where its instance is and the hash of our secret. */
    public record Checked(UUID id, String organizationId, String evolutionServer, String secretHash) {
    }

    public List<String> checkDue(Duration period, int limit) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("""
                SELECT instance_name FROM integrations.integrations
                WHERE enabled AND status <> 'deleting' AND NOT webhook_unverified
                  AND (webhook_checked_at IS NULL OR webhook_checked_at <= now() - make_interval(secs => ?1))
                ORDER BY webhook_checked_at NULLS FIRST LIMIT ?2""")
                .setParameter(1, (double) period.toSeconds()).setParameter(2, Math.max(0, limit)).getResultList();
        return names;
    }

    /** Takes the row for a check (marks it checked now) unless it was checked within {@code period}. */
    public Optional<Checked> leaseCheck(String instanceName, Duration period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE integrations.integrations SET webhook_checked_at = now()
                WHERE instance_name = ?1 AND enabled AND status <> 'deleting' AND NOT webhook_unverified
                  AND (webhook_checked_at IS NULL OR webhook_checked_at <= now() - make_interval(secs => ?2))
                RETURNING CAST(id AS text), organization_id, evolution_server, webhook_secret_hash""")
                .setParameter(1, instanceName).setParameter(2, (double) period.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> new Checked(UUID.fromString((String) row[0]), (String) row[1],
                (String) row[2], (String) row[3]));
    }

    /** Due again after {@code delay} rather than a whole period later. */
    public void checkAgainIn(UUID id, Duration period, Duration delay) {
        em.createNativeQuery("""
                UPDATE integrations.integrations
                SET webhook_checked_at = now() - make_interval(secs => ?1) + make_interval(secs => ?2) WHERE id = ?3""")
                .setParameter(1, (double) period.toSeconds()).setParameter(2, (double) Math.min(delay.toSeconds(), period.toSeconds()))
                .setParameter(3, id).executeUpdate();
    }

    /** Our settings set again with a fresh secret: its hash stored, audited. */
    public void driftRepaired(UUID id, String secretHash, String actor, String reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE integrations.integrations SET webhook_secret_hash = ?1, version = version + 1
                WHERE id = ?2 RETURNING organization_id, instance_name, status""")
                .setParameter(1, secretHash).setParameter(2, id).getResultList();
        rows.stream().findFirst().ifPresent(row -> audit.record(actor, "webhook.repaired",
                new whatsapp.integrations.api.IntegrationRef(id, (String) row[0], (String) row[1],
                        whatsapp.integrations.api.Status.of((String) row[2])), reason, java.time.Instant.now()));
    }

    /** Evolution did not take our settings: the background repair sets them again (a fresh secret, backoff). */
    public void driftRepairFailed(UUID id) {
        em.createNativeQuery("""
                UPDATE integrations.integrations SET webhook_unverified = true, webhook_attempts = 0,
                    webhook_next_attempt_at = now() + interval '10 seconds'
                WHERE id = ?1 AND status <> 'deleting'""").setParameter(1, id).executeUpdate();
    }

    /** Evolution's instance ids of rows that have none yet. */
    public void learnInstanceIds(java.util.Map<String, String> idsByInstanceName) {
        for (var entry : idsByInstanceName.entrySet())
            em.createNativeQuery("""
                    UPDATE integrations.integrations SET instance_id = ?1
                    WHERE instance_name = ?2 AND instance_id IS NULL AND status <> 'deleting'""")
                    .setParameter(1, entry.getValue()).setParameter(2, entry.getKey()).executeUpdate();
    }

    /**
     * A new Evolution id under a known name: recorded, and the webhook with a fresh secret due again at once (the
     * recreated instance has none of ours, or somebody else's). @return the row, when it still recorded {@code previousId}
     */
    public Optional<whatsapp.integrations.api.IntegrationRef> recreated(String instanceName, String previousId, String newId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE integrations.integrations SET instance_id = ?1, webhook_unverified = true, webhook_attempts = 0,
                    webhook_next_attempt_at = now(), version = version + 1
                WHERE instance_name = ?2 AND instance_id = ?3 AND status <> 'deleting'
                RETURNING CAST(id AS text), organization_id, status""")
                .setParameter(1, newId).setParameter(2, instanceName).setParameter(3, previousId).getResultList();
        return rows.stream().findFirst().map(row -> new whatsapp.integrations.api.IntegrationRef(UUID.fromString((String) row[0]),
                (String) row[1], instanceName, whatsapp.integrations.api.Status.of((String) row[2])));
    }

    /** Rows whose instance may hold a webhook secret that matches no stored hash (rows being deleted left out). */
    public long unverified() {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM integrations.integrations WHERE webhook_unverified AND status <> 'deleting'")
                .getSingleResult()).longValue();
    }
}
