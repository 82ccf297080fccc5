package whatsapp.integrations.events.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * One transaction: up to {@code max} events published before the cutoff (or, {@link #pruneWrittenBefore}, written
 * before it whether published or not) deleted, and the pruned-through mark raised.
 */
@Stateless
public class PruneBatch {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneNext(Instant cutoff, int max) {
        return prune("published_at < ?1 ORDER BY published_at", cutoff, max);
    }

    /** Events written before the cutoff, published or not: what Redis never took is not kept forever either. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneWrittenBefore(Instant cutoff, int max) {
        return prune("created_at < ?1 ORDER BY created_at", cutoff, max);
    }

    int prune(String condition, Instant cutoff, int max) {
        Object[] pruned = (Object[]) em.createNativeQuery("""
                WITH gone AS (DELETE FROM integrations.outbox WHERE event_id IN (
                    SELECT event_id FROM integrations.outbox WHERE %s LIMIT ?2
                    FOR UPDATE SKIP LOCKED) RETURNING sequence)
                SELECT count(*), max(sequence) FROM gone""".formatted(condition))
                .setParameter(1, SqlValues.at(cutoff)).setParameter(2, max).getSingleResult();
        if (pruned[1] != null) {
            em.createNativeQuery("UPDATE integrations.event_retention SET pruned_through = GREATEST(pruned_through, ?1)")
                    .setParameter(1, ((Number) pruned[1]).longValue()).executeUpdate();
        }
        return ((Number) pruned[0]).intValue();
    }
}
