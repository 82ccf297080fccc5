package whatsapp.integrations.events.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.events.control.EventJson;
import whatsapp.integrations.events.control.EventStream;
import whatsapp.integrations.events.control.RelayLock;
import whatsapp.integrations.events.control.RelayPlan;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.events.entity.RemovalRelaying;
import whatsapp.integrations.events.entity.RouteRefreshing;
import whatsapp.integrations.events.entity.Sequenced;

/**
 * One transaction under the relay lock: the lowest-sequenced unpublished events, sent to Redis in sequence order (an
 * {@code instance.removed} first removes the instance's cache entry; other events first rewrite it from the row, see
 * {@link RelayPlan}), then marked published. A Redis failure rolls the batch back; it waits in the outbox.
 */
@Stateless
public class OutboxBatch {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventStream stream;

    @Inject
    Event<RemovalRelaying> removalRelaying;

    @Inject
    Event<RouteRefreshing> routeRefreshing;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishNext(int max) {
        RelayLock.acquire(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT event_id, type, integration_id, sequence, version, payload FROM integrations.outbox
                WHERE sequence IS NOT NULL AND published_at IS NULL ORDER BY sequence LIMIT ?1""")
                .setParameter(1, max).getResultList();
        if (rows.isEmpty()) return 0;
        var batch = rows.stream().map(OutboxBatch::sequenced).toList();
        var plan = RelayPlan.of(batch, rowsOf(batch));
        for (var event : batch) {
            try {
                plan.refreshBefore(event).ifPresent(row -> routeRefreshing.fire(new RouteRefreshing(row)));
                if (event.removal()) removalRelaying.fire(new RemovalRelaying(event.instanceName()));
                stream.send(event);
            } catch (Exception e) {
                throw new IllegalStateException("Redis refused the event", e);
            }
        }
        em.createNativeQuery("UPDATE integrations.outbox SET published_at = ?1 WHERE event_id = ANY(CAST(?2 AS uuid[]))")
                .setParameter(1, SqlValues.at(Instant.now()))
                .setParameter(2, SqlValues.array(batch.stream().map(Sequenced::eventId).toList()))
                .executeUpdate();
        return batch.size();
    }

    static Sequenced sequenced(Object[] row) {
        var json = EventJson.parse((String) row[5]);
        return new Sequenced(SqlValues.uuid(row[0]), EventType.of((String) row[1]), SqlValues.uuid(row[2]),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), json.getString("status", null),
                json.getString("instance_name"), (String) row[5]);
    }

    /** The batch's integrations as they are now, read in this transaction: a deleted one is absent. */
    Map<UUID, IntegrationRef> rowsOf(List<Sequenced> batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, organization_id, instance_name, status FROM integrations.integrations WHERE id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, SqlValues.array(batch.stream().map(Sequenced::integrationId).distinct().toList())).getResultList();
        var found = new HashMap<UUID, IntegrationRef>();
        rows.forEach(r -> found.put(SqlValues.uuid(r[0]),
                new IntegrationRef(SqlValues.uuid(r[0]), (String) r[1], (String) r[2], Status.of((String) r[3]))));
        return found;
    }
}
