package whatsapp.maintenance.fleethealth.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.maintenance.servers.boundary.FleetListings;
import whatsapp.maintenance.servers.entity.ServerListing;
import whatsapp.maintenance.servers.entity.ServerRows;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.alerts.boundary.Alerts;
import whatsapp.maintenance.fleethealth.control.Confirmations;
import whatsapp.maintenance.fleethealth.control.FleetComparison;
import whatsapp.maintenance.runs.control.Stopwatch;
import whatsapp.maintenance.fleethealth.entity.AfterSweep;
import whatsapp.maintenance.fleethealth.entity.HealthSummary;
import whatsapp.maintenance.fleethealth.entity.Sweep;
import whatsapp.maintenance.heal.boundary.AutoHeal;
import whatsapp.maintenance.heal.entity.InstanceState;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunStart;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * One look at the whole fleet: one {@code fetchInstances} call compared with the watched rows
 * ({@link FleetComparison}), absent rows rechecked by name, everything observed recorded with one
 * {@code Integrations.observe} call (one transaction, one batched update, history, events, cache), then the
 * follow-ups: gauges, the auto-heal, alerts. No transaction spans an Evolution call: a slow Evolution must not hold
 * a database connection and row locks. One sweep at a time in the cluster, each in the runs history and timed
 * ({@code whatsapp.health.sweeps}, tagged with the outcome).
 *
 * <p>The unguarded {@code Evolution} of each server, not the request path's guarded one: a sweep is a batch job, one at a time per
 * cluster, whose fleet listing may take 30 s. The request path's 12 s budget would cut it, and its failures would
 * open the circuit breaker that protects the clinics' requests.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthSweep {

    static final Logger LOG = Logger.getLogger(HealthSweep.class.getName());

    @Inject
    EvolutionFleet fleet;

    @Inject
    FleetListings listings;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @EJB
    Runs runs;

    @EJB
    AutoHeal autoHeal;

    @EJB
    Alerts alerts;

    @Inject
    MaintenanceMeters meters;

    /** Where confirmations run beside the sweep's own thread. */
    @Resource
    ManagedExecutorService executor;

    /** Rows absent from the listing rechecked per sweep; a listing that lost everything must not mean 10,000 calls. */
    @Inject
    @ConfigProperty(name = "health.max-rechecks", defaultValue = "50")
    int maxRechecks;

    /**
     * Status changes confirmed with {@code connectionState} per sweep (one call each); the rest wait for the next sweep.
     */
    @Inject
    @ConfigProperty(name = "health.max-confirmations", defaultValue = "200")
    int maxConfirmations;

    public Sweep run(String triggeredBy) {
        var started = Instant.now();
        Sweep result = null;
        try {
            result = runs.run(RunType.health, triggeredBy, this::sweep, () -> new Sweep.Skipped("another health sweep holds the lock"));
            return result;
        } finally {
            meters.sweep(result == null ? Run.FAILED : result.outcome(), Duration.between(started, Instant.now()));
        }
    }

    Sweep sweep(RunStart run) {
        // what the listing shows is as of the moment we asked: a webhook applied while it was on its
        // way is newer, and observe() leaves such rows alone
        var asked = Instant.now();
        var rows = integrations.watched();
        var servers = ServerRows.of(rows);
        var listed = listings.listAll(servers.names());
        if (listed.stream().noneMatch(ServerListing::listed)) {
            var reason = listed.stream().map(server -> listed.size() == 1 ? server.failure()
                    : server.server() + ": " + server.failure()).collect(java.util.stream.Collectors.joining("; "));
            LOG.warning(() -> "Health sweep: Evolution listing unusable (" + reason + "); no status changed");
            // the entries still get their fresh TTL: an Evolution outage must not empty the routing cache
            var cacheEntries = refreshRoutingCache();
            var parts = servers.summary(listed, List.of());
            count(parts);
            return new Sweep.Unavailable(HealthSummary.unavailable(run, new EvolutionUnavailable(reason).getMessage(),
                    cacheEntries).withServers(parts), reason);
        }
        return sweep(run, servers, listed, asked);
    }

    /**
     * The rows of the servers that listed are compared with their listings; the rows of a server that could not be
     * listed (unreachable, not configured) are left unchanged, and that server is reported.
     */
    Sweep sweep(RunStart run, ServerRows servers, List<ServerListing> listed, Instant asked) {
        var watch = new Stopwatch();
        run.checkpoint();
        var rows = servers.comparable(listed);
        for (var server : listed)
            if (!server.listed()) LOG.warning(() -> "Health sweep: server " + server.server() + " not listed ("
                    + server.failure() + "); its instances are left unchanged");
        watch.lap("rows");
        var comparison = FleetComparison.of(rows, servers.instances(listed), maxRechecks, asked);
        for (var row : comparison.recheck())
            comparison.rechecked(row, fleet.on(row.evolutionServer()).lookup(row.instanceName()));
        confirm(comparison);
        watch.lap("compare");
        run.checkpoint();
        var changes = integrations.observe(comparison.observations(), Source.sweep);
        watch.lap("observe");
        var recreated = identities(rows, servers.instances(listed));
        sharedDatabases(listed);
        var cacheEntries = refreshRoutingCache();
        watch.lap("cache");
        var after = comparison.after(changes);
        meters.swept(integrations.countsByStatus(), changes);
        meters.webhooksUnverified(integrations.unverifiedWebhooks());
        watch.lap("report");
        run.checkpoint();
        var healing = autoHeal.heal(notFlapping(after.states()), asked);
        watch.lap("heal");
        int alertsSent = review(comparison, after, healing.repairNeeded(), asked, settled(rows, recreated));
        watch.lap("alerts");

        var parts = servers.summary(listed, after.states());
        count(parts);
        var completed = Instant.now();
        var unlisted = servers.unlisted(listed);
        int total = rows.size() + unlisted.size();
        int healthy = after.healthy() + (int) unlisted.stream().filter(row -> row.status() == Status.connected).count();
        var summary = new HealthSummary(run.id(), run.startedAt(), completed, Run.seconds(run.startedAt(), completed),
                run.triggeredBy(), total, healthy, total - healthy, changes.size(),
                comparison.errors().size() + healing.failed(), after.attention(), healing.attempts(), alertsSent, cacheEntries,
                null).withServers(parts);
        LOG.info(() -> "Health sweep: " + summary.totalInstances() + " instances, " + summary.healthy() + " healthy, "
                + summary.statusChanges() + " status changes, " + summary.errors() + " errors, " + summary.restarts().size()
                + " heal actions, " + alertsSent + " alerts, " + (cacheEntries == null ? "cache not refreshed" : cacheEntries
                + " cache entries") + ", " + summary.durationSeconds() + " s (listing until "
                + Duration.between(run.startedAt(), asked).toMillis() + " ms, then " + watch + ")");
        return new Sweep.Done(summary);
    }

    /** The states the auto-heal may act on: a flapping instance is left alone until it is stable. */
    List<InstanceState> notFlapping(List<InstanceState> states) {
        try {
            var flapping = alerts.flapping();
            if (flapping.isEmpty()) return states;
            return states.stream().filter(state -> !flapping.contains(state.instanceName())).toList();
        } catch (RuntimeException e) {
            return states;
        }
    }

    /** The per-server gauges ({@code whatsapp_server_*{server}}). */
    void count(List<whatsapp.maintenance.servers.entity.ServerSweep> parts) {
        for (var part : parts)
            meters.server(part.name(), part.reachable(), part.instances(), part.healthy(), part.durationSeconds());
    }

    /**
     * Each status change the listing suggests, confirmed with Evolution's live state first, up to
     * {@value #CONFIRM_PARALLEL} at once; after one confirmation that a server could not answer, its others are left
     * to the next sweep rather than waited for one by one.
     */
    void confirm(FleetComparison comparison) {
        var rows = comparison.toConfirm(maxConfirmations);
        var live = Confirmations.ask(rows, IntegrationSummary::evolutionServer,
                row -> fleet.on(row.evolutionServer()).liveState(row.instanceName()), CONFIRM_PARALLEL,
                executor == null ? Runnable::run : executor);
        for (int i = 0; i < rows.size(); i++) comparison.confirmed(rows.get(i), live.get(i));
    }

    /** Confirmations asked at once: 200 of them at 5 ms each took a second one by one. */
    static final int CONFIRM_PARALLEL = 16;

    /**
     * Instances deleted and created again behind our back (a known name listed with another Evolution id): audited, an
     * event, an alert, and our webhook with a fresh secret set again (the background webhook repair, due at once). Rows
     * without an id learn the listed one. Failures are logged and never fail the sweep (the next one sees it again).
     *
     * @return the names found recreated
     */
    java.util.Set<String> identities(List<whatsapp.integrations.api.IntegrationSummary> rows,
                                     List<whatsapp.evolution.instances.entity.EvolutionInstance> listed) {
        var found = new HashSet<String>();
        try {
            var identities = whatsapp.maintenance.fleethealth.control.Identities.of(rows, listed);
            if (!identities.learned().isEmpty()) integrations.learnInstanceIds(identities.learned());
            for (var recreated : identities.recreated()) {
                var row = recreated.row();
                if (!integrations.instanceRecreated(row.instanceName(), recreated.previousId(), recreated.newId(), ACTOR)) continue;
                found.add(row.instanceName());
                LOG.warning(() -> "Health sweep: " + row.instanceName() + " was deleted and created again outside this service "
                        + "(Evolution id " + recreated.previousId() + " became " + recreated.newId() + "); webhook set again");
                alerts.recreated(row.instanceName(), row.organizationId(), recreated.previousId(), recreated.newId());
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Health sweep: instance ids not compared (" + e.getClass().getSimpleName() + ")");
        }
        return found;
    }

    static final String ACTOR = "system:health-sweep";

    @EJB
    whatsapp.maintenance.servers.boundary.SharedDatabases sharedDatabases;

    /**
     * Servers listing the same instance ids (one database, one client name): alerted, held from placement; resolved
     * and released once no longer seen. A failure is logged and never fails the sweep.
     */
    void sharedDatabases(List<ServerListing> listed) {
        try {
            sharedDatabases.review(listed);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Health sweep: shared databases not reviewed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Rows whose webhook is ours again (verified) and that were not found recreated by this sweep. */
    static java.util.Set<String> settled(List<whatsapp.integrations.api.IntegrationSummary> rows, java.util.Set<String> recreated) {
        var settled = new HashSet<String>();
        for (var row : rows) if (!row.webhookUnverified() && !recreated.contains(row.instanceName())) settled.add(row.instanceName());
        return settled;
    }

    /** The alerts' review; a failure is logged and never fails the sweep (the next one reviews again). */
    int review(FleetComparison comparison, AfterSweep after, List<InstanceState> repairNeeded, Instant asked,
               java.util.Set<String> webhookSettled) {
        var watched = new HashSet<String>();
        var connected = new HashSet<String>();
        for (var state : after.states()) {
            watched.add(state.instanceName());
            if (state.status() == Status.connected) connected.add(state.instanceName());
        }
        try {
            return alerts.review(comparison.alertSubjects(after, repairNeeded), watched, connected,
                    comparison.sharedNumbers(watched), asked, webhookSettled);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Health sweep: alerts not reviewed (" + e.getClass().getSimpleName() + ")");
            return 0;
        }
    }

    /**
     * Every watched row's routing entry rewritten with a fresh TTL (after observing, so with this sweep's statuses):
     * a stable instance's entry never expires, and one Redis lost comes back. Best effort: a Redis failure is logged
     * and the sweep goes on; the summary says null.
     */
    Integer refreshRoutingCache() {
        try {
            var refresh = integrations.refreshRoutingCache();
            if (refresh.done()) return refresh.entries();
            LOG.warning(() -> "Health sweep: routing cache not refreshed: " + refresh.failure());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Health sweep: routing cache not refreshed (" + e.getClass().getSimpleName() + ")");
        }
        return null;
    }
}
