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
import whatsapp.maintenance.orphans.control.DeletionGuards;
import whatsapp.maintenance.orphans.control.OrphanDetector;
import whatsapp.maintenance.orphans.control.Removals;
import whatsapp.maintenance.orphans.entity.Cleanup;
import whatsapp.maintenance.orphans.entity.CleanupSummary;
import whatsapp.maintenance.orphans.entity.OrphanReport;
import whatsapp.maintenance.orphans.entity.Orphans;
import whatsapp.maintenance.orphans.entity.Tally;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * Orphan reconciliation that can never mass-delete: one listing (unusable → nothing changes), the
 * comparison with our rows, the guards (empty listing, too many candidates → abort), then each candidate
 * rechecked by name before it is acted upon. No transaction spans an Evolution call (G5). Runs that act
 * go through {@link CleanupRuns}, which holds the cluster-wide lock and records them.
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
            alerts.duplicateNumber(duplicate.phoneNumber(), duplicate.instances(), duplicate.kept(), Instant.now());
        }
    }
}
