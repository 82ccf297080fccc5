package whatsapp.maintenance.fleethealth.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import whatsapp.maintenance.fleethealth.entity.HealthSummary;
import whatsapp.maintenance.fleethealth.entity.Sweep;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.json.JsonContract;

/**
 * Health sweeps, manual or scheduled: one at a time in the cluster (the {@code health} lease), each recorded in
 * the runs history and timed ({@code whatsapp.health.sweeps}, tagged with the outcome).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SweepRuns {

    static final Logger LOG = Logger.getLogger(SweepRuns.class.getName());
    public static final String SCHEDULE = "schedule";
    static final String SKIPPED_SUMMARY = "{\"reason\":\"another health sweep was in progress\"}";

    @EJB
    Runs runs;

    @EJB
    HealthSweep sweep;

    @Inject
    MaintenanceMeters meters;

    public Sweep run(String triggeredBy) {
        var started = Instant.now();
        var id = runs.start(RunType.health, triggeredBy, started);
        if (id.isEmpty()) {
            runs.skipped(RunType.health, triggeredBy, SKIPPED_SUMMARY, started);
            meters.sweep(Run.SKIPPED, Duration.between(started, Instant.now()));
            return new Sweep.Skipped("another health sweep holds the lock");
        }
        Sweep result = null;
        try {
            result = sweep.sweep(new HealthSummary.Run(id.get(), triggeredBy, started));
            return result;
        } finally {
            var outcome = outcome(result);
            var summary = summary(result);
            runs.finish(id.get(), RunType.health, outcome, summary == null ? null : JsonContract.toJson(summary.forRecord()));
            meters.sweep(outcome, Duration.between(started, Instant.now()));
        }
    }

    /** The timer's entry: never throws, so the container does not retry; an unusable listing is a failed run. */
    public void scheduled() {
        try {
            var result = run(SCHEDULE);
            LOG.info(() -> "Scheduled health sweep: " + outcome(result));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Scheduled health sweep failed: " + e.getClass().getSimpleName());
        }
    }

    static String outcome(Sweep result) {
        if (result instanceof Sweep.Done) return Run.COMPLETED;
        if (result instanceof Sweep.Skipped) return Run.SKIPPED;
        return Run.FAILED;
    }

    static HealthSummary summary(Sweep result) {
        if (result instanceof Sweep.Done done) return done.summary();
        if (result instanceof Sweep.Unavailable unavailable) return unavailable.summary();
        return null;
    }
}
