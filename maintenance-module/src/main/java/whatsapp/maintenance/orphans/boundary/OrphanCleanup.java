package whatsapp.maintenance.orphans.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.Evolution;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.orphans.control.Alerts;
import whatsapp.maintenance.orphans.control.DeletionGuards;
import whatsapp.maintenance.orphans.control.OrphanDetector;
import whatsapp.maintenance.orphans.control.Removals;
import whatsapp.maintenance.orphans.entity.Cleanup;
import whatsapp.maintenance.orphans.entity.CleanupSummary;
import whatsapp.maintenance.orphans.entity.OrphanReport;
import whatsapp.maintenance.orphans.entity.Orphans;
import whatsapp.maintenance.orphans.entity.Tally;
import whatsapp.maintenance.problems.entity.EvolutionUnavailable;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.json.JsonContract;

/**
 * Orphan reconciliation that can never mass-delete: one listing (unusable → nothing changes), the
 * comparison with our rows, the guards (empty listing, too many candidates → abort), then each candidate
 * rechecked by name before it is acted upon. No transaction spans an Evolution call (G5).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanCleanup {

    static final Logger LOG = Logger.getLogger(OrphanCleanup.class.getName());
    public static final String SCHEDULE = "schedule";
    static final String SKIPPED_SUMMARY = "{\"reason\":\"another cleanup run was in progress\"}";

    @EJB
    Runs runs;

    @Inject
    Evolution evolution;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    Removals removals;

    @Inject
    Alerts alerts;

    @Inject
    @ConfigProperty(name = "instance.prefix", defaultValue = "clinic-")
    String prefix;

    @Inject
    @ConfigProperty(name = "orphan.grace-minutes", defaultValue = "10")
    int graceMinutes;

    @Inject
    @ConfigProperty(name = "orphan.max-deletions", defaultValue = "20")
    int maxDeletions;

    /** The dry run: what a cleanup would consider, without rechecks, changes, events or alerts. */
    public OrphanReport check() {
        var listing = evolution.list();
        if (listing instanceof Listing.Unavailable unavailable) throw new EvolutionUnavailable(unavailable.reason());
        var orphans = detect((Listing.Listed) listing);
        return OrphanReport.of(orphans, DeletionGuards.abortReason(orphans, maxDeletions).orElse(null));
    }

    /**
     * A cleanup under the cluster-wide lock, recorded in the runs history. A dry run changes nothing, so it
     * takes no lock and leaves no record.
     */
    public Cleanup run(String triggeredBy, boolean dryRun) {
        var started = Instant.now();
        if (dryRun) return reconcile(new CleanupSummary.Run(null, triggeredBy, true, started));
        var id = runs.start(RunType.cleanup, triggeredBy, started);
        if (id.isEmpty()) {
            runs.skipped(RunType.cleanup, triggeredBy, SKIPPED_SUMMARY, started);
            return new Cleanup.Skipped("another cleanup run holds the lock");
        }
        Cleanup result = null;
        try {
            result = reconcile(new CleanupSummary.Run(id.get(), triggeredBy, false, started));
            return result;
        } finally {
            runs.finish(id.get(), RunType.cleanup, outcome(result), result == null ? null : JsonContract.toJson(summary(result)));
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

    /** Everything after the lock: list, compare, guard, recheck and act (or, dry, only say what it would do). */
    public Cleanup reconcile(CleanupSummary.Run run) {
        var listing = evolution.list();
        if (listing instanceof Listing.Unavailable unavailable) {
            LOG.warning(() -> "Orphan cleanup: Evolution listing unusable (" + unavailable.reason() + "); nothing changed");
            return new Cleanup.Unavailable(CleanupSummary.unavailable(run,
                    new EvolutionUnavailable(unavailable.reason()).getMessage()), unavailable.reason());
        }
        var orphans = detect((Listing.Listed) listing);
        if (!run.dryRun()) reportDuplicates(orphans);
        Optional<String> abort = DeletionGuards.abortReason(orphans, maxDeletions);
        if (abort.isPresent()) {
            LOG.warning(() -> "Orphan cleanup aborted: " + abort.get());
            return new Cleanup.Done(CleanupSummary.of(run, orphans, abort.get(),
                    Tally.aborted(orphans.instances().size()), Tally.aborted(orphans.rows().size())));
        }
        var reason = "orphan cleanup" + (run.id() == null ? "" : " run " + run.id()) + " triggered by "
                + run.triggeredBy() + ": no live counterpart for more than " + graceMinutes + " min";
        var instances = removals.instances(orphans.instances(), run.dryRun(), reason);
        var rows = removals.rows(orphans.rows(), run.dryRun(), reason);
        return new Cleanup.Done(CleanupSummary.of(run, orphans, null, instances, rows));
    }

    Orphans detect(Listing.Listed listed) {
        return OrphanDetector.detect(listed.instances(), integrations.all(), prefix, Duration.ofMinutes(graceMinutes),
                listed.at());
    }

    /** An event per row-backed instance and one alert per number; neither ever fails the run. */
    void reportDuplicates(Orphans orphans) {
        for (var duplicate : orphans.duplicates()) {
            LOG.warning(() -> "Number " + duplicate.phoneNumber() + " is paired with " + duplicate.instances());
            try {
                integrations.reportDuplicateNumber(duplicate.phoneNumber(), duplicate.instances(), Removals.ACTOR);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Duplicate number event not recorded: " + e.getClass().getSimpleName());
            }
            alerts.duplicateNumber(duplicate, Instant.now());
        }
    }
}
