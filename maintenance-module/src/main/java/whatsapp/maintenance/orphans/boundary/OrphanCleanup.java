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
import whatsapp.maintenance.alerts.boundary.Alerts;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.orphans.control.DeletionGuards;
import whatsapp.maintenance.orphans.control.OrphanDetector;
import whatsapp.maintenance.orphans.control.Removals;
import whatsapp.maintenance.orphans.entity.Cleanup;
import whatsapp.maintenance.orphans.entity.CleanupSummary;
import whatsapp.maintenance.orphans.entity.OrphanReport;
import whatsapp.maintenance.orphans.entity.Orphans;
import whatsapp.maintenance.orphans.entity.ItemCounts;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * Orphan reconciliation that can never mass-delete: one listing (unusable → nothing changes), the
 * comparison with our rows, the guards (empty listing, too many candidates → abort), then each candidate
 * rechecked by name before it is acted upon. No transaction spans an Evolution call: a slow Evolution must not
 * hold a database connection. A run that acts is one at a time in the cluster and recorded in the runs history;
 * a dry run changes nothing, so it takes no lock and leaves no record.
 *
 * <p>The unguarded {@link Evolution}, not the request path's guarded one: a cleanup is a batch job, one at a time
 * per cluster, whose fleet listing may take 30 s. The request path's 12 s budget would cut it, and its failures
 * would open the circuit breaker that protects the clinics' requests.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanCleanup {

    static final Logger LOG = Logger.getLogger(OrphanCleanup.class.getName());

    @Inject
    Evolution evolution;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    Removals removals;

    @EJB
    Runs runs;

    @Inject
    MaintenanceMeters meters;

    @EJB
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

    /** The check: what a cleanup would consider, without rechecks, changes, events or alerts. */
    public OrphanReport check() {
        return evolution.list().match(listed -> {
            var orphans = detect(listed);
            return OrphanReport.of(orphans, DeletionGuards.abortReason(orphans, maxDeletions).orElse(null));
        }, unavailable -> {
            throw new EvolutionUnavailable(unavailable.reason());
        });
    }

    /** A cleanup, or (dry) what it would do after the rechecks by name. */
    public Cleanup run(String triggeredBy, boolean dryRun) {
        if (dryRun) return reconcile(new CleanupSummary.Run(null, triggeredBy, true, Instant.now()), () -> { });
        var result = runs.run(RunType.cleanup, triggeredBy,
                start -> reconcile(new CleanupSummary.Run(start.id(), triggeredBy, false, start.startedAt()), start::checkpoint),
                () -> new Cleanup.Skipped("another cleanup run holds the lock"));
        count(result);
        return result;
    }

    /** Orphans found and deleted, per kind, for the Prometheus counters; dry runs and failed listings count nothing. */
    void count(Cleanup result) {
        result.match(done -> {
            var summary = done.summary();
            meters.orphans("evolution_instance", summary.orphanedEvolutionInstances().found(), summary.orphanedEvolutionInstances().deleted());
            meters.orphans("db_record", summary.orphanedDbRecords().found(), summary.orphanedDbRecords().deleted());
            return null;
        }, skipped -> null, unavailable -> null);
    }

    /**
     * List, compare, guard, recheck and act (or, dry, only say what it would do).
     * @param checkpoint between steps and before each deletion: stops a run whose lease was lost
     */
    Cleanup reconcile(CleanupSummary.Run run, Runnable checkpoint) {
        return evolution.list().match(listed -> reconcile(run, listed, checkpoint), unavailable -> {
            LOG.warning(() -> "Orphan cleanup: Evolution listing unusable (" + unavailable.reason() + "); nothing changed");
            return new Cleanup.Unavailable(CleanupSummary.unavailable(run,
                    new EvolutionUnavailable(unavailable.reason()).getMessage()), unavailable.reason());
        });
    }

    Cleanup reconcile(CleanupSummary.Run run, Listing.Listed listed, Runnable checkpoint) {
        checkpoint.run();
        var orphans = detect(listed);
        if (!run.dryRun()) reportDuplicates(orphans);
        Optional<String> abort = DeletionGuards.abortReason(orphans, maxDeletions);
        if (abort.isPresent()) {
            LOG.warning(() -> "Orphan cleanup aborted: " + abort.get());
            return new Cleanup.Done(CleanupSummary.of(run, orphans, abort.get(),
                    ItemCounts.aborted(orphans.instances().size()), ItemCounts.aborted(orphans.rows().size())));
        }
        var reason = "orphan cleanup" + (run.id() == null ? "" : " run " + run.id()) + " triggered by "
                + run.triggeredBy() + ": no live counterpart for more than " + graceMinutes + " min";
        var instances = removals.instances(orphans.instances(), run.dryRun(), reason, checkpoint);
        var rows = removals.rows(orphans.rows(), run.dryRun(), reason, checkpoint);
        return new Cleanup.Done(CleanupSummary.of(run, orphans, null, instances, rows));
    }

    Orphans detect(Listing.Listed listed) {
        return OrphanDetector.detect(listed.instances(), integrations.inventory(), prefix, Duration.ofMinutes(graceMinutes),
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
            try {
                alerts.duplicateNumber(duplicate.phoneNumber(), duplicate.instances());
            } catch (RuntimeException e) {
                LOG.warning(() -> "Duplicate number alert not recorded: " + e.getClass().getSimpleName());
            }
        }
    }
}
