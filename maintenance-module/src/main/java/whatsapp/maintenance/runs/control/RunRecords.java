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

    public void skipped(RunType type, String triggeredBy, String summary, Instant at) {
        em.persist(Run.skipped(type, triggeredBy, summary, at));
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
