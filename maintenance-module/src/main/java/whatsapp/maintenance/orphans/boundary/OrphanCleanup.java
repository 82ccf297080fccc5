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
import whatsapp.maintenance.runs.control.Stopwatch;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.servers.boundary.FleetListings;
import whatsapp.maintenance.servers.entity.ServerListing;
import whatsapp.integrations.api.IntegrationSummary;
import java.util.ArrayList;
import java.util.List;
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
    FleetListings listings;

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
        var watch = new Stopwatch();
        var rows = integrations.inventory();
        watch.lap("rows");
        var listed = listings.listAll(servers(rows));
        watch.lap("listings");
        if (listed.stream().noneMatch(ServerListing::listed)) throw new EvolutionUnavailable(failures(listed));
        var aborts = new ArrayList<String>();
        var parts = partsOf(listed, rows, aborts);
        var report = OrphanReport.of(merged(parts.stream().map(ServerPart::orphans).toList(), listed, rows),
                aborts.isEmpty() ? null : String.join("; ", aborts));
        watch.lap("compare");
        // where a check's time goes, as the sweep's line does: rows from PostgreSQL, the listings, the comparison
        LOG.info(() -> "Orphan check: " + rows.size() + " rows, " + listed.size() + " servers listed; " + watch);
        return report;
    }

    /** One listed server's orphans, and whether its deletion guard tripped. */
    record ServerPart(ServerListing server, Orphans orphans, boolean aborted) {
    }

    /**
     * Each listed server's orphans with its own guard applied; a server that was not listed, or whose guard trips, is
     * named in {@code aborts}.
     */
    List<ServerPart> partsOf(List<ServerListing> listed, List<IntegrationSummary> rows, List<String> aborts) {
        var parts = new ArrayList<ServerPart>();
        for (var server : listed) {
            if (!server.listed()) {
                aborts.add(server.server() + ": not listed (" + server.failure() + "); its part was skipped");
                continue;
            }
            var orphans = detect(server, rows);
            Optional<String> abort = DeletionGuards.abortReason(orphans, maxDeletions);
            abort.ifPresent(reason -> aborts.add(part(listed, server, reason)));
            parts.add(new ServerPart(server, orphans, abort.isPresent()));
        }
        return parts;
    }

    static java.util.Set<String> servers(List<IntegrationSummary> rows) {
        var names = new java.util.LinkedHashSet<String>();
        for (var row : rows) names.add(row.evolutionServer());
        return names;
    }

    /** One server: its reason as it is (as before there was a fleet); several: each named. */
    static String failures(List<ServerListing> listed) {
        return listed.stream().map(server -> listed.size() == 1 ? server.failure() : server.server() + ": " + server.failure())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    static String part(List<ServerListing> listed, ServerListing server, String reason) {
        return listed.size() == 1 ? reason : server.server() + ": " + reason;
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
        var rows = integrations.inventory();
        var listed = listings.listAll(servers(rows));
        if (listed.stream().noneMatch(ServerListing::listed)) {
            var failure = failures(listed);
            LOG.warning(() -> "Orphan cleanup: Evolution listing unusable (" + failure + "); nothing changed");
            return new Cleanup.Unavailable(CleanupSummary.unavailable(run,
                    new EvolutionUnavailable(failure).getMessage()), failure);
        }
        return reconcile(run, listed, rows, checkpoint);
    }

    /**
     * Per server, with every guard applied to that server alone: a server that could not be listed, or whose guard
     * trips, is skipped and named in {@code abort_reason}; the others are cleaned. Duplicate numbers are looked for
     * over the whole fleet's listings.
     */
    Cleanup reconcile(CleanupSummary.Run run, List<ServerListing> listed, List<IntegrationSummary> rows, Runnable checkpoint) {
        checkpoint.run();
        var reason = "orphan cleanup" + (run.id() == null ? "" : " run " + run.id()) + " triggered by "
                + run.triggeredBy() + ": no live counterpart for more than " + graceMinutes + " min";
        var aborts = new ArrayList<String>();
        var parts = partsOf(listed, rows, aborts);
        var instanceCounts = new ArrayList<ItemCounts>();
        var rowCounts = new ArrayList<ItemCounts>();
        for (var part : parts) {
            var found = part.orphans();
            if (part.aborted()) {
                instanceCounts.add(ItemCounts.aborted(found.instances().size()));
                rowCounts.add(ItemCounts.aborted(found.rows().size()));
                continue;
            }
            instanceCounts.add(removals.instances(part.server().server(), found.instances(), run.dryRun(), reason, checkpoint));
            rowCounts.add(removals.rows(found.rows(), run.dryRun(), reason, checkpoint));
        }
        var orphans = merged(parts.stream().map(ServerPart::orphans).toList(), listed, rows);
        if (!run.dryRun()) reportDuplicates(orphans);
        var abortReason = aborts.isEmpty() ? null : String.join("; ", aborts);
        if (abortReason != null) LOG.warning(() -> "Orphan cleanup aborted: " + abortReason);
        return new Cleanup.Done(CleanupSummary.of(run, orphans, abortReason, ItemCounts.sum(instanceCounts),
                ItemCounts.sum(rowCounts)));
    }

    /** One server's comparison: its listing with the rows placed there. */
    Orphans detect(ServerListing server, List<IntegrationSummary> rows) {
        var listing = (Listing.Listed) server.listing();
        var own = rows.stream().filter(row -> row.evolutionServer().equals(server.server())).toList();
        return OrphanDetector.detect(listing.instances(), own, prefix, Duration.ofMinutes(graceMinutes), listing.at());
    }

    /** The servers' parts as one; duplicate numbers over every listed instance of the fleet, each with its server. */
    static Orphans merged(List<Orphans> parts, List<ServerListing> listed, List<IntegrationSummary> rows) {
        var serverOf = new java.util.HashMap<String, String>();
        var all = new ArrayList<whatsapp.evolution.instances.entity.EvolutionInstance>();
        for (var server : listed)
            for (var instance : server.instances()) {
                serverOf.putIfAbsent(instance.name(), server.server());
                all.add(instance);
            }
        var referenced = new java.util.HashSet<String>();
        for (var row : rows) referenced.add(row.instanceName());
        var duplicates = OrphanDetector.duplicates(all, referenced).stream()
                .map(duplicate -> duplicate.on(name -> serverOf.getOrDefault(name, "?"))).toList();
        int evolutionInstances = 0, owned = 0, dbRecords = 0;
        var instances = new ArrayList<whatsapp.evolution.instances.entity.EvolutionInstance>();
        var orphanRows = new ArrayList<IntegrationSummary>();
        for (var part : parts) {
            evolutionInstances += part.evolutionInstances();
            owned += part.ownedInstances();
            dbRecords += part.dbRecords();
            instances.addAll(part.instances());
            orphanRows.addAll(part.rows());
        }
        return new Orphans(evolutionInstances, owned, dbRecords, instances, orphanRows, duplicates);
    }

    /** An event per row-backed instance and one alert per number; neither ever fails the run. */
    void reportDuplicates(Orphans orphans) {
        for (var duplicate : orphans.duplicates()) {
            LOG.warning(() -> "Number " + duplicate.phoneNumber() + " is paired with " + duplicate.instances()
                    + (new java.util.HashSet<>(duplicate.servers()).size() > 1 ? " on servers " + duplicate.servers() : ""));
            try {
                integrations.reportDuplicateNumber(duplicate.phoneNumber(), duplicate.instances(), duplicate.servers(),
                        Removals.ACTOR);
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
