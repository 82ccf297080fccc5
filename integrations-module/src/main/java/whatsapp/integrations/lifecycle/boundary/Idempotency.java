package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.lifecycle.entity.StoredAnswer;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * Answers of POST /integrations/whatsapp kept per Idempotency-Key and organization, replayed as given for
 * {@code idempotency.retention-hours} (default 24); an older key counts as new and is pruned ({@link IdempotencyPruning}).
 */
@Stateless
public class Idempotency {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "idempotency.retention-hours", defaultValue = "24")
    long retentionHours;

    Instant expiredBefore() {
        return Instant.now().minus(Duration.ofHours(retentionHours));
    }

    public Optional<StoredAnswer> replay(String organizationId, String key) {
        @SuppressWarnings("unchecked")
        var rows = (List<Object[]>) em.createNativeQuery("""
                        SELECT status, body, location FROM integrations.idempotency_keys
                        WHERE organization_id = ?1 AND key = ?2 AND created_at >= ?3""")
                .setParameter(1, organizationId).setParameter(2, key).setParameter(3, SqlValues.at(expiredBefore())).getResultList();
        return rows.stream().findFirst()
                .map(row -> new StoredAnswer(((Number) row[0]).intValue(), (String) row[1], (String) row[2], true));
    }

    /** The first answer under a key wins; an expired one not pruned yet is replaced. */
    public void remember(String organizationId, String key, StoredAnswer answer) {
        em.createNativeQuery("""
                INSERT INTO integrations.idempotency_keys (key, organization_id, status, body, location, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS varchar), ?6) ON CONFLICT (organization_id, key) DO UPDATE
                SET status = EXCLUDED.status, body = EXCLUDED.body, location = EXCLUDED.location, created_at = EXCLUDED.created_at
                WHERE idempotency_keys.created_at < ?7""")
                .setParameter(1, key).setParameter(2, organizationId).setParameter(3, answer.status())
                .setParameter(4, answer.body()).setParameter(5, answer.location()).setParameter(6, SqlValues.at(Instant.now()))
                .setParameter(7, SqlValues.at(expiredBefore()))
                .executeUpdate();
    }

    /** One transaction: up to {@code max} expired keys deleted, oldest first; other nodes' batches are skipped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneExpired(int max) {
        return em.createNativeQuery("""
                DELETE FROM integrations.idempotency_keys WHERE (organization_id, key) IN (
                    SELECT organization_id, key FROM integrations.idempotency_keys WHERE created_at < ?1
                    ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, SqlValues.at(expiredBefore())).setParameter(2, max).executeUpdate();
    }
}
