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
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunType;

/** Starts, finishes and records runs, and reads the history; each call is one short transaction. */
@Stateless
public class RunRecords {

    static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RunRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RunLock lock;

    /** What the history says of a run whose node died holding its lease. */
    public static final String ABANDONED = "{\"reason\":\"abandoned\"}";

    /**
     * @param lease how long the claim holds without a renewal (two renewal periods): a crashed node's lease frees
     *              the type within that
     * @return the new run's id, or empty when a run of this type holds the lock somewhere in the cluster
     */
    public Optional<UUID> start(RunType type, String triggeredBy, Instant at, Duration lease) {
        var id = UUID.randomUUID();
        if (!lock.claim(type, id, lease)) return Optional.empty();
        // whoever holds the lease runs this type: any other run of it still "running" lost its lease, its node died
        int abandoned = em.createNativeQuery("""
                UPDATE maintenance.runs SET outcome = 'failed', completed_at = now(), summary = ?1
                WHERE type = ?2 AND outcome = 'running' AND id <> ?3""")
                .setParameter(1, ABANDONED).setParameter(2, type.name()).setParameter(3, id).executeUpdate();
        if (abandoned > 0) LOG.warning(() -> abandoned + " " + type.label() + " run(s) left running by a node that died: failed (abandoned)");
        em.persist(Run.started(id, type, triggeredBy, at));
        return Optional.of(id);
    }

    /** @return whether the run still held its lease, now good for {@code lease} more */
    public boolean renew(RunType type, UUID id, Duration lease) {
        return lock.renew(type, id, lease);
    }

    /** A run already marked failed (abandoned) by whoever took its lease over keeps that ending. */
    public void finish(UUID id, RunType type, String outcome, String summary) {
        var run = em.find(Run.class, id);
        if (run != null && Run.RUNNING.equals(run.outcome())) run.finish(outcome, summary, Instant.now());
        lock.release(type, id);
    }

    /**
     * At boot: the runs left running whose lease ran out (their node died, maybe this one before a restart) become
     * failed (abandoned). A run holding an unexpired lease is alive on some node and is left alone.
     */
    public int abandonExpired() {
        return em.createNativeQuery("""
                UPDATE maintenance.runs r SET outcome = 'failed', completed_at = now(), summary = ?1
                WHERE r.outcome = 'running' AND NOT EXISTS (
                    SELECT 1 FROM maintenance.run_locks l WHERE l.holder = r.id AND l.lease_until >= now())""")
                .setParameter(1, ABANDONED).executeUpdate();
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

    /** Runs that ended (or were skipped again) after {@code since}, oldest first: the live stream's feed. */
    public List<Run> finishedSince(Instant since, int limit) {
        return em.createQuery("SELECT r FROM Run r WHERE r.completedAt > :since ORDER BY r.completedAt", Run.class)
                .setParameter("since", since).setMaxResults(limit).getResultList();
    }

    /**
     * The completed health sweeps since {@code since}, hour by hour: the connected instances and the watched ones,
     * added up over the hour's sweeps ({@code [hour, connected, total]} rows, oldest first).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> connectedByHour(Instant since) {
        return em.createNativeQuery("""
                SELECT date_trunc('hour', started_at), sum(CAST(CAST(summary AS jsonb) ->> 'healthy' AS bigint)),
                    sum(CAST(CAST(summary AS jsonb) ->> 'total_instances' AS bigint))
                FROM maintenance.runs
                WHERE type = 'health' AND outcome = 'completed' AND started_at > ?1 AND summary IS NOT NULL
                GROUP BY 1 ORDER BY 1""").setParameter(1, java.sql.Timestamp.from(since)).getResultList();
    }
}
