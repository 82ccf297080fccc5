package whatsapp.integrations.events.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.events.control.RelayLock;
import whatsapp.integrations.events.control.Sequencing;
import whatsapp.integrations.events.entity.Unsequenced;

/**
 * One transaction under the relay lock: the committed events nobody has ordered yet, in insert order, get the next
 * values of {@code outbox_sequence} and their integration's next version; the transaction commits before anything is
 * sent. Since the lock serialises these transactions and each reads what committed before it, the sequence follows
 * commit order: an event whose transaction commits late is ordered late, never behind what a consumer has read.
 */
@Stateless
public class Sequencer {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sequenceNext(int max) {
        RelayLock.acquire(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT event_id, integration_id, payload FROM integrations.outbox
                WHERE sequence IS NULL AND published_at IS NULL ORDER BY position LIMIT ?1""")
                .setParameter(1, max).getResultList();
        if (rows.isEmpty()) return 0;
        var events = rows.stream().map(r -> new Unsequenced(SqlValues.uuid(r[0]), SqlValues.uuid(r[1]), (String) r[2])).toList();
        var assignments = Sequencing.assign(events, nextSequences(events.size()), lastVersions(events));
        for (var a : assignments) {
            em.createNativeQuery("UPDATE integrations.outbox SET sequence = ?1, version = ?2, payload = ?3 WHERE event_id = ?4")
                    .setParameter(1, a.sequence()).setParameter(2, a.version()).setParameter(3, a.payload())
                    .setParameter(4, a.eventId()).executeUpdate();
        }
        Sequencing.lastVersions(assignments).forEach((integration, version) -> em.createNativeQuery("""
                INSERT INTO integrations.event_versions (integration_id, last_version) VALUES (?1, ?2)
                ON CONFLICT (integration_id) DO UPDATE SET last_version = EXCLUDED.last_version""")
                .setParameter(1, integration).setParameter(2, version).executeUpdate());
        return assignments.size();
    }

    List<Long> nextSequences(int count) {
        @SuppressWarnings("unchecked")
        List<Number> values = em.createNativeQuery(
                "SELECT nextval('integrations.outbox_sequence') FROM generate_series(1, ?1)")
                .setParameter(1, count).getResultList();
        return values.stream().map(Number::longValue).toList();
    }

    Map<UUID, Long> lastVersions(List<Unsequenced> events) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT integration_id, last_version FROM integrations.event_versions WHERE integration_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, SqlValues.array(events.stream().map(Unsequenced::integrationId).distinct().toList())).getResultList();
        var last = new HashMap<UUID, Long>();
        rows.forEach(r -> last.put(SqlValues.uuid(r[0]), ((Number) r[1]).longValue()));
        return last;
    }
}
