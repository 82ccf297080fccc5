package whatsapp.maintenance.windows.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.WebhookCheck;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.servers.boundary.FleetListings;
import whatsapp.maintenance.windows.control.WindowBook;
import whatsapp.maintenance.windows.control.WindowComparison;
import whatsapp.maintenance.windows.entity.Seen;
import whatsapp.maintenance.windows.entity.Snapshot;
import whatsapp.maintenance.windows.entity.Window;
import whatsapp.maintenance.windows.entity.WindowRequest;
import whatsapp.maintenance.windows.entity.WindowSummary;
import whatsapp.web.problems.boundary.InvalidInput;
import whatsapp.web.problems.boundary.NotFound;

/**
 * Maintenance windows: while one is on, sweeps still record but alerts and the auto-heal are held for the instances on
 * its servers ({@code holds}). At its start the fleet of its servers is recorded (listing: each of our instances'
 * Evolution id and state); at its end (its {@code ends_at}, or ended early) it is listed again and compared, the
 * webhook settings of the instances still there are checked (and set again where they are no longer ours), and one
 * summary alert goes out. Each step is leased to one node and committed once ({@link WindowCommit}); the timer
 * ({@link WindowTimer}) takes what is due on every node, and a create or an early end does its step at once.
 * No transaction spans an Evolution call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MaintenanceWindows {

    static final Logger LOG = Logger.getLogger(MaintenanceWindows.class.getName());
    static final String ACTOR = "system:maintenance-window";
    /** How long one node holds a window's start or end step: a fleet listing and the webhook checks fit well within. */
    static final Duration STEP_LEASE = Duration.ofMinutes(10);

    @Inject
    EvolutionFleet fleet;

    @Inject
    FleetListings listings;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    WindowBook book;

    @EJB
    WindowCommit commit;

    @Inject
    MaintenanceMeters meters;

    /** The longest window allowed. */
    @Inject
    @ConfigProperty(name = "maintenance-window.max-hours", defaultValue = "24")
    int maxHours;

    /** Webhook settings compared at a window's end, at most (the rest are left to the rolling webhook check). */
    @Inject
    @ConfigProperty(name = "maintenance-window.webhook-checks", defaultValue = "100")
    int webhookChecks;

    /** How far ahead a window may be planned. */
    static final Duration MAX_AHEAD = Duration.ofDays(30);

    /** The name the audit log files a window's entries under (windows are about servers, not one instance). */
    static String auditName(UUID id) {
        return "maintenance-window:" + id;
    }

    /** @throws InvalidInput (400, nothing written) for a bad span, a blank reason or an unknown server */
    public Window create(WindowRequest request, String actor) {
        var now = Instant.now();
        if (!request.endsAt().isAfter(request.startsAt())) throw new InvalidInput("ends_at", "must be after starts_at");
        if (!request.endsAt().isAfter(now)) throw new InvalidInput("ends_at", "must be in the future");
        if (Duration.between(request.startsAt(), request.endsAt()).compareTo(Duration.ofHours(maxHours)) > 0)
            throw new InvalidInput("ends_at", "must be at most " + maxHours + " hours after starts_at (MAINTENANCE_WINDOW_MAX_HOURS)");
        if (request.startsAt().isAfter(now.plus(MAX_AHEAD)))
            throw new InvalidInput("starts_at", "must be at most " + MAX_AHEAD.toDays() + " days ahead");
        List<String> servers = null;
        if (request.servers() != null) {
            var named = new LinkedHashSet<String>();
            var unknown = new ArrayList<String>();
            for (var server : request.servers()) {
                if (server == null || !fleet.configured(server)) unknown.add(String.valueOf(server));
                else named.add(server);
            }
            if (!unknown.isEmpty())
                throw new InvalidInput("servers", "unknown Evolution server(s): " + String.join(", ", unknown) + "; configured: "
                        + String.join(", ", fleet.servers().stream().map(server -> server.name()).toList()));
            servers = List.copyOf(named);
        }
        var id = UUID.randomUUID();
        var reason = request.reason().strip();
        book.insert(id, request.startsAt(), request.endsAt(), reason, servers, actor);
        var window = book.find(id).orElseThrow();
        meters.window("created");
        audit(actor, "maintenance_window.created", window, window.title() + " from " + window.startsAt() + " to " + window.endsAt());
        LOG.info(() -> "Maintenance window " + id + " " + window.title() + " planned by " + actor + " from " + window.startsAt()
                + " to " + window.endsAt());
        if (!request.startsAt().isAfter(now)) start(id);
        return book.find(id).orElseThrow();
    }

    /** @param recent how long an ended window stays listed */
    public List<Window> list(Duration recent, int limit) {
        return book.list(recent, limit);
    }

    /**
     * Ends a window early (its comparison and summary alert at once), or cancels one not started yet (nothing compared,
     * no alert). A window already over is answered as it is. @throws NotFound for an unknown id
     */
    public Window end(UUID id, String actor) {
        var window = book.find(id).orElseThrow(() -> new NotFound("No maintenance window " + id + "; GET /maintenance/windows lists them"));
        if (book.end(id, actor)) {
            meters.window("ended_early");
            audit(actor, "maintenance_window.ended", window, window.title() + (Window.SCHEDULED.equals(window.state())
                    ? " cancelled before it started" : " ended early"));
            LOG.info(() -> "Maintenance window " + id + " " + window.title() + " ended early by " + actor);
        }
        finish(id);   // also a window over whose comparison is due and nobody works on (the timer off or behind)
        return book.find(id).orElseThrow();
    }

    /** The timer's look: starts and ends due, each step claimed first (another node may be on it). */
    public void tick() {
        for (var id : book.startsDue()) guarded(() -> start(id), "start", id);
        for (var id : book.endsDue()) guarded(() -> finish(id), "end", id);
    }

    void guarded(Runnable step, String what, UUID id) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Maintenance window " + id + ": " + what + " not recorded (" + e.getClass().getSimpleName()
                    + "); tried again once its lease runs out");
        }
    }

    /** The fleet of the window's servers recorded, once (the node holding the step). */
    void start(UUID id) {
        var holder = UUID.randomUUID();
        if (!book.claimStart(id, holder, STEP_LEASE)) return;
        var window = book.find(id).orElseThrow();
        var snapshot = look(window);
        if (book.snapshot(id, holder, snapshot.toJson()))
            LOG.info(() -> "Maintenance window " + id + " " + window.title() + " started: " + snapshot.instances().size()
                    + " instances recorded on " + snapshot.listedServers().size() + " listed server(s)");
    }

    /** The end compared with the start and the summary alert raised, once (the node holding the step). */
    void finish(UUID id) {
        var holder = UUID.randomUUID();
        if (!book.claimEnd(id, holder, STEP_LEASE)) return;
        var window = book.find(id).orElseThrow();
        var before = book.snapshotOf(id).map(Snapshot::fromJson);
        WindowSummary summary;
        if (before.isEmpty()) {
            summary = new WindowSummary(0, new WindowSummary.Counts(0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(),
                    List.of(), 0, "Maintenance window " + window.title() + " ended before the fleet was recorded at its start "
                    + "(no node was up to do it): nothing compared");
        } else {
            var after = look(window);
            var ours = new HashSet<String>();
            integrations.watched().forEach(row -> ours.add(row.instanceName()));
            var changes = WindowComparison.compare(before.get(), after, ours);
            var unchanged = changes.unchanged();
            var lost = new ArrayList<String>();
            for (var name : unchanged.subList(0, Math.min(webhookChecks, unchanged.size()))) {
                try {
                    var check = integrations.checkWebhook(name, Duration.ZERO, ACTOR);
                    meters.webhookCheck(check.outcome().name().toLowerCase(java.util.Locale.ROOT));
                    if (check.outcome() == WebhookCheck.Outcome.REPAIRED || check.outcome() == WebhookCheck.Outcome.REPAIR_FAILED)
                        lost.add(name);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Maintenance window " + id + ": webhook of " + name + " not checked (" + e.getClass().getSimpleName() + ")");
                }
            }
            summary = WindowComparison.summary(window.title(), changes, lost, Math.max(0, unchanged.size() - webhookChecks));
        }
        if (commit.finish(window, holder, summary)) {
            meters.window("summarized");
            var detail = summary.detail();
            LOG.info(() -> detail);
        }
    }

    /** Our instances on the window's servers as Evolution lists them now. */
    Snapshot look(Window window) {
        var scope = window.servers() == null ? null : Set.copyOf(window.servers());
        var rows = integrations.watched().stream().filter(row -> scope == null || scope.contains(row.evolutionServer())).toList();
        var listed = new HashSet<String>();
        var byServer = new HashMap<String, Map<String, EvolutionInstance>>();
        for (var server : listings.listAll(List.of())) {
            if (scope != null && !scope.contains(server.server()) || !server.listed()) continue;
            listed.add(server.server());
            var byName = new HashMap<String, EvolutionInstance>();
            for (var instance : server.instances()) byName.put(instance.name(), instance);
            byServer.put(server.server(), byName);
        }
        var seen = new ArrayList<Seen>();
        for (var row : rows) {
            var instance = byServer.getOrDefault(row.evolutionServer(), Map.of()).get(row.instanceName());
            seen.add(new Seen(row.instanceName(), row.evolutionServer(), instance == null ? null : instance.id(),
                    instance == null ? null : instance.connectionStatus() == null ? Status.pending : instance.connectionStatus().status()));
        }
        return new Snapshot(listed, seen);
    }

    void audit(String actor, String action, Window window, String reason) {
        try {
            integrations.audit(actor, action, List.of(auditName(window.id())), reason);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Maintenance window " + window.id() + ": " + action + " not audited (" + e.getClass().getSimpleName() + ")");
        }
    }
}
