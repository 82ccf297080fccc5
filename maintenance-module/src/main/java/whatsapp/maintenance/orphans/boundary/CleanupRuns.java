package whatsapp.maintenance.orphans.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.orphans.entity.Cleanup;
import whatsapp.maintenance.orphans.entity.CleanupSummary;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.json.JsonContract;

/** Cleanup runs, manual or scheduled: one at a time in the cluster, each recorded in the runs history. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupRuns {

    static final Logger LOG = Logger.getLogger(CleanupRuns.class.getName());
    public static final String SCHEDULE = "schedule";
    static final String SKIPPED_SUMMARY = "{\"reason\":\"another cleanup run was in progress\"}";

    @EJB
    Runs runs;

    @EJB
    OrphanCleanup cleanup;

    @Inject
    MaintenanceMeters meters;

    /**
     * A cleanup under the cluster-wide lock, recorded in the runs history. A dry run changes nothing, so it
     * takes no lock and leaves no record.
     */
    public Cleanup run(String triggeredBy, boolean dryRun) {
        var started = Instant.now();
        if (dryRun) return cleanup.reconcile(new CleanupSummary.Run(null, triggeredBy, true, started));
        var id = runs.start(RunType.cleanup, triggeredBy, started);
        if (id.isEmpty()) {
            runs.skipped(RunType.cleanup, triggeredBy, SKIPPED_SUMMARY, started);
            return new Cleanup.Skipped("another cleanup run holds the lock");
        }
        Cleanup result = null;
        try {
            result = cleanup.reconcile(new CleanupSummary.Run(id.get(), triggeredBy, false, started));
            return result;
        } finally {
            runs.finish(id.get(), RunType.cleanup, outcome(result), result == null ? null : JsonContract.toJson(summary(result)));
            count(result);
        }
    }

    /** The timer's entry: never throws, so the container does not retry a run the guards stopped. */
    public void scheduled() {
        try {
            var result = run(SCHEDULE, false);
            LOG.info(() -> "Scheduled orphan cleanup: " + outcome(result));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Scheduled orphan cleanup failed: " + e.getClass().getSimpleName());
        }
    }

    /** Orphans found and deleted, per kind, for the Prometheus counters; dry runs and failed listings count nothing. */
    void count(Cleanup result) {
        if (!(result instanceof Cleanup.Done done)) return;
        var summary = done.summary();
        meters.orphans("evolution_instance", summary.orphanedEvolutionInstances().found(), summary.orphanedEvolutionInstances().deleted());
        meters.orphans("db_record", summary.orphanedDbRecords().found(), summary.orphanedDbRecords().deleted());
    }

    static String outcome(Cleanup result) {
        if (result instanceof Cleanup.Done done) return done.summary().aborted() ? Run.ABORTED : Run.COMPLETED;
        if (result instanceof Cleanup.Skipped) return Run.SKIPPED;
        return Run.FAILED;
    }

    static CleanupSummary summary(Cleanup result) {
        if (result instanceof Cleanup.Done done) return done.summary();
        if (result instanceof Cleanup.Unavailable unavailable) return unavailable.summary();
        return null;
    }
}
