package whatsapp.maintenance.runs.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunType;

/** Starts, finishes and records runs, and reads the history; each call is one short transaction. */
@Stateless
public class RunRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    RunLock lock;

    /** Longer than any run can take: a crashed node's lease must not block the next run for long. */
    @Inject
    @ConfigProperty(name = "runs.lease-minutes", defaultValue = "30")
    int leaseMinutes;

    /** @return the new run's id, or empty when a run of this type holds the lock somewhere in the cluster */
    public Optional<UUID> start(RunType type, String triggeredBy, Instant at) {
        var id = UUID.randomUUID();
        if (!lock.claim(type, id, Duration.ofMinutes(leaseMinutes))) return Optional.empty();
        em.persist(Run.started(id, type, triggeredBy, at));
        return Optional.of(id);
    }

    public void finish(UUID id, RunType type, String outcome, String summary) {
        var run = em.find(Run.class, id);
        if (run != null) run.finish(outcome, summary, Instant.now());
        lock.release(type, id);
    }

    /**
     * Collapsed: skips of a type by the same trigger since the type's last real run started are one row, whose
     * summary counts them ({@code "skips"}) and whose {@code completed_at} is the last one; a schedule that keeps
     * finding the lease taken on another node adds no row per firing. The row is locked while it is bumped.
     */
    public void skipped(RunType type, String triggeredBy, String reason, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = em.createNativeQuery("""
                SELECT id, summary FROM maintenance.runs
                WHERE type = ?1 AND outcome = 'skipped' AND triggered_by = ?2
                  AND started_at >= COALESCE((SELECT max(started_at) FROM maintenance.runs
                                              WHERE type = ?1 AND outcome <> 'skipped'), '-infinity')
                ORDER BY started_at DESC LIMIT 1 FOR UPDATE""")
                .setParameter(1, type.name()).setParameter(2, triggeredBy).getResultList();
        if (earlier.isEmpty()) {
            em.persist(Run.skipped(type, triggeredBy, Run.skippedSummary(reason, 1, at), at));
            return;
        }
        var run = em.find(Run.class, SqlValues.uuid(earlier.get(0)[0]));
        run.skippedAgain(reason, at);
    }

    /** @param type null: every type */
    public List<Run> newestFirst(RunType type, int limit) {
        var query = type == null
                ? em.createQuery("SELECT r FROM Run r ORDER BY r.startedAt DESC", Run.class)
                : em.createQuery("SELECT r FROM Run r WHERE r.type = :type ORDER BY r.startedAt DESC", Run.class)
                        .setParameter("type", type.name());
        return query.setMaxResults(limit).getResultList();
    }
}
