package whatsapp.integrations.events.boundary;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.StringReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.events.entity.RemovalRelaying;

/**
 * One transaction: lock a batch of unpublished events (other nodes skip them), publish them in
 * order (an {@code instance.removed} first removes the instance's cache entry), mark them published. A Redis failure rolls the batch back; it waits in the outbox.
 */
@Stateless
public class OutboxBatch {

    public static final String TOPIC = "whatsapp:instance-events";

    @PersistenceContext
    EntityManager em;

    @Inject
    RedissonClient redis;

    @Inject
    Event<RemovalRelaying> removalRelaying;

    /**
     * Removing the routing entry goes with relaying {@code instance.removed}: if the deletion's own
     * invalidation failed (Redis away), it still happens, at least once, before workers hear of it.
     */
    void invalidateCacheOf(String payload) {
        removalRelaying.fire(new RemovalRelaying(JSON.createReader(new StringReader(payload)).readObject().getString("instance_name")));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishNext(int max) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT event_id, payload, type FROM integrations.outbox WHERE published_at IS NULL
                ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, max).getResultList();
        if (rows.isEmpty()) return 0;
        var topic = redis.getTopic(TOPIC);
        for (Object[] row : rows) {
            try {
                if (EventType.REMOVED.wire.equals(row[2])) invalidateCacheOf((String) row[1]);
                topic.publishAsync(row[1]).toCompletableFuture().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Redis refused the event", e);
            }
        }
        em.createNativeQuery("UPDATE integrations.outbox SET published_at = ?1 WHERE event_id IN (?2)")
                .setParameter(1, Instant.now())
                .setParameter(2, rows.stream().map(r -> r[0]).toList())
                .executeUpdate();
        return rows.size();
    }
}
