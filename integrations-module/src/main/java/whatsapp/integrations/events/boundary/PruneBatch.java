package whatsapp.integrations.events.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** One transaction: up to {@code max} events published before the cutoff deleted, and the pruned-through mark raised. */
@Stateless
public class PruneBatch {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int pruneNext(Instant cutoff, int max) {
        Object[] pruned = (Object[]) em.createNativeQuery("""
                WITH gone AS (DELETE FROM integrations.outbox WHERE event_id IN (
                    SELECT event_id FROM integrations.outbox WHERE published_at < ?1 ORDER BY published_at LIMIT ?2
                    FOR UPDATE SKIP LOCKED) RETURNING sequence)
                SELECT count(*), max(sequence) FROM gone""")
                .setParameter(1, cutoff).setParameter(2, max).getSingleResult();
        if (pruned[1] != null) {
            em.createNativeQuery("UPDATE integrations.event_retention SET pruned_through = GREATEST(pruned_through, ?1)")
                    .setParameter(1, ((Number) pruned[1]).longValue()).executeUpdate();
        }
        return ((Number) pruned[0]).intValue();
    }
}
