package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.audit.control.AuditLog;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.MonitoringRequest;
import whatsapp.web.json.JsonContract;
import whatsapp.web.problems.boundary.NotFound;

/**
 * Paused monitoring ({@code PUT /integrations/{id}/monitoring}): until the pause ends, the maintenance module raises
 * no alert about the instance and its auto-heal leaves it alone; sweeps still record its status. Each pause and
 * resume is audited under the caller. The pause is a row's columns, written here only.
 */
@Stateless
public class MonitoringPauses {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    /**
     * Pauses (or, for {@link MonitoringRequest#resume()}, resumes) monitoring of the integration, audited under
     * {@code actor} ({@code monitoring.paused}, {@code monitoring.resumed}; resuming one not paused changes nothing).
     *
     * @return the row as it is now
     * @throws NotFound when the row is gone or being deleted
     */
    public Integration apply(UUID id, MonitoringRequest request, String actor, Instant now) {
        var row = em.find(Integration.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.status() == whatsapp.integrations.api.Status.deleting)
            throw new NotFound("Integration " + id + " is gone or being deleted");
        if (request.resume()) {
            boolean paused = row.monitoringPausedUntil() != null && row.monitoringPausedUntil().isAfter(now);
            em.createNativeQuery("""
                    UPDATE integrations.integrations
                    SET monitoring_paused_until = NULL, monitoring_pause_reason = NULL, monitoring_paused_by = NULL
                    WHERE id = CAST(?1 AS uuid)""").setParameter(1, id.toString()).executeUpdate();
            if (paused) audit.record(actor, "monitoring.resumed", row.ref(), "monitoring resumed before "
                    + JsonContract.Millis.FORMAT.format(row.monitoringPausedUntil()), now);
        } else {
            em.createNativeQuery("""
                    UPDATE integrations.integrations
                    SET monitoring_paused_until = ?1, monitoring_pause_reason = ?2, monitoring_paused_by = ?3
                    WHERE id = CAST(?4 AS uuid)""").setParameter(1, SqlValues.at(request.pausedUntil())).setParameter(2, request.reason())
                    .setParameter(3, actor).setParameter(4, id.toString()).executeUpdate();
            audit.record(actor, "monitoring.paused", row.ref(), "no alerts or auto-heal until "
                    + JsonContract.Millis.FORMAT.format(request.pausedUntil()) + ": " + request.reason(), now);
        }
        em.flush();
        em.refresh(row);
        return row;
    }

    /**
     * Which of these instances have their monitoring paused at {@code at}: indexed reads by name, a thousand names a
     * statement; none for no names.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> paused(Collection<String> instanceNames, Instant at) {
        var paused = new HashSet<String>();
        if (instanceNames == null || instanceNames.isEmpty()) return paused;
        var all = List.copyOf(new HashSet<>(instanceNames));
        for (int from = 0; from < all.size(); from += CHUNK) {
            @SuppressWarnings("unchecked")
            List<String> names = em.createNativeQuery("""
                    SELECT instance_name FROM integrations.integrations
                    WHERE instance_name = ANY (CAST(?1 AS text[])) AND monitoring_paused_until > ?2""")
                    .setParameter(1, SqlValues.array(all.subList(from, Math.min(all.size(), from + CHUNK))))
                    .setParameter(2, SqlValues.at(at)).getResultList();
            paused.addAll(names);
        }
        return paused;
    }

    static final int CHUNK = 1000;
}
