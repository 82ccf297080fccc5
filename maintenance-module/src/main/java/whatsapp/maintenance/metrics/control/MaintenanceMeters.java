package whatsapp.maintenance.metrics.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import whatsapp.infrastructure.metrics.MeterRegistries;
import whatsapp.infrastructure.node.NodeIdentity;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

/**
 * The maintenance meters, in the registry {@link MeterRegistries} chose: exposed by WildFly's Micrometer subsystem as
 * Prometheus text on the management port ({@code :9990/metrics}), on Payara by the application at {@code /metrics}
 * (dots become underscores, counters get {@code _total}, timers {@code _seconds_*}).
 * Registered with {@code registry.counter(..)}, {@code timer(..)} and {@code gauge(..)}, never with
 * {@code Builder.register(registry)}: WildFly 39.0.1's per-deployment registry keeps builder-registered meters to
 * itself, and they never reach {@code /metrics}. Every meter carries a {@code node} tag (NODE_ID), so that a
 * cluster's nodes can be told apart once their samples are scraped into one place.
 */
@ApplicationScoped
public class MaintenanceMeters {

    @Inject
    MeterRegistries registries;

    MeterRegistry registry;

    final Map<Status, AtomicLong> instances = new ConcurrentHashMap<>();
    final AtomicLong webhooksUnverified = new AtomicLong();
    final AtomicLong zombies = new AtomicLong();
    /** Per Evolution server: reachable (1/0), instances, healthy, listing milliseconds. */
    final Map<String, AtomicLong[]> servers = new ConcurrentHashMap<>();

    /** {@code whatsapp_instances{status}}: integrations by status, as the last health sweep on this node left them. */
    @PostConstruct
    void gauges() {
        registry = registries.registry();
        for (var status : Status.values()) {
            var value = instances.computeIfAbsent(status, s -> new AtomicLong());
            registry.gauge("whatsapp.instances", tags("status", status.name()), value, AtomicLong::get);
        }
        registry.gauge("whatsapp.webhooks.unverified", tags(), webhooksUnverified, AtomicLong::get);
        registry.gauge("whatsapp.zombies", tags(), zombies, AtomicLong::get);
    }

    /** {@code whatsapp_zombies}: connected instances the liveness probe found dead, as this node's last probe counted them. */
    public void zombies(long count) {
        zombies.set(count);
    }

    /**
     * {@code whatsapp_webhook_checks_total{outcome}}: webhook checks by outcome ({@code ok}, {@code repaired},
     * {@code repair_failed}, {@code retry_later}, {@code unknown}, {@code skipped}); {@code repaired} counts the repairs.
     */
    public void webhookCheck(String outcome) {
        registry.counter("whatsapp.webhook.checks", tags("outcome", outcome)).increment();
    }

    /** {@code whatsapp_maintenance_windows_total{event}}: maintenance windows {@code created}, {@code ended_early}, {@code summarized}. */
    public void window(String event) {
        registry.counter("whatsapp.maintenance.windows", tags("event", event)).increment();
    }

    /** {@code whatsapp_probes_total{outcome}}: liveness probes by final answer ({@code alive}, {@code dead}, {@code unknown}). */
    public void probe(String outcome) {
        registry.counter("whatsapp.probes", tags("outcome", outcome)).increment();
    }

    /**
     * {@code whatsapp_webhooks_unverified}: adopted instances that may send a webhook secret matching no stored hash
     * (their webhook could not be set), as the last health sweep on this node counted them; 0 once every one was set.
     */
    public void webhooksUnverified(long count) {
        webhooksUnverified.set(count);
    }

    /**
     * After every sweep: the gauges from the rows as the sweep left them (statuses without instances read 0), and
     * {@code whatsapp_disconnects_total{reason}}, the disconnections the sweep recorded.
     */
    public void swept(Map<Status, Long> byStatus, List<StatusChange> changes) {
        for (var status : Status.values()) instances.get(status).set(byStatus.getOrDefault(status, 0L));
        for (var change : changes)
            if (change.to() == Status.disconnected) disconnect(change.reason());
    }

    /**
     * After every sweep, per Evolution server (tag {@code server}): {@code whatsapp_server_reachable} (1 when its
     * listing was usable, else 0), {@code whatsapp_server_instances} (watched rows placed there),
     * {@code whatsapp_server_healthy} (of those, connected) and {@code whatsapp_server_listing_seconds}.
     */
    public void server(String name, boolean reachable, int instances, int healthy, double listingSeconds) {
        var values = servers.computeIfAbsent(name, this::serverGauges);
        values[0].set(reachable ? 1 : 0);
        values[1].set(instances);
        values[2].set(healthy);
        values[3].set(Math.round(listingSeconds * 1000));
    }

    AtomicLong[] serverGauges(String server) {
        var values = new AtomicLong[]{new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        var tags = Tags.of("server", server);
        registry.gauge("whatsapp.server.reachable", tags, values[0], AtomicLong::get);
        registry.gauge("whatsapp.server.instances", tags, values[1], AtomicLong::get);
        registry.gauge("whatsapp.server.healthy", tags, values[2], AtomicLong::get);
        registry.gauge("whatsapp.server.listing.seconds", tags, values[3], value -> value.get() / 1000.0);
        return values;
    }

    void disconnect(String reason) {
        registry.counter("whatsapp.disconnects", tags("reason", reason == null ? "unknown" : reason)).increment();
    }

    /** {@code whatsapp_health_sweeps_seconds_*{outcome}}, outcome completed, failed or skipped. */
    public void sweep(String outcome, Duration took) {
        registry.timer("whatsapp.health.sweeps", tags("outcome", outcome)).record(took);
    }

    /** {@code whatsapp_heal_restarts_total{outcome}}: restarts of instances stuck connecting. */
    public void restart(String outcome) {
        registry.counter("whatsapp.heal.restarts", tags("outcome", outcome)).increment();
    }

    /** {@code whatsapp_orphans_found_total{kind}}, {@code whatsapp_orphans_deleted_total{kind}}; kind evolution_instance or db_record. */
    public void orphans(String kind, int found, int deleted) {
        registry.counter("whatsapp.orphans.found", tags("kind", kind)).increment(found);
        registry.counter("whatsapp.orphans.deleted", tags("kind", kind)).increment(deleted);
    }

    /** The given tags and this node's. */
    static Tags tags(String... keysAndValues) {
        return Tags.of(keysAndValues).and("node", NodeIdentity.id());
    }

    /** {@code whatsapp_alerts_sent_total{type}}: alert notices ALERT_WEBHOOK_URL accepted, by alert type. */
    public void alert(String type) {
        registry.counter("whatsapp.alerts.sent", tags("type", type)).increment();
    }
}
