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
