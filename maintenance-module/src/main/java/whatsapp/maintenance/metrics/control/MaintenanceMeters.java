package whatsapp.maintenance.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The maintenance meters, exposed by WildFly's Micrometer subsystem as Prometheus text on the management port
 * ({@code :9990/metrics}; dots become underscores, counters get {@code _total}, timers {@code _seconds_*}).
 */
@ApplicationScoped
public class MaintenanceMeters {

    public static final List<String> STATUSES = List.of("pending", "connecting", "connected", "disconnected", "missing", "deleting");

    @Inject
    MeterRegistry registry;

    final Map<String, AtomicLong> instances = new ConcurrentHashMap<>();

    @PostConstruct
    void gauges() {
        for (var status : STATUSES) {
            var value = instances.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("whatsapp.instances", value, AtomicLong::get)
                    .description("Integrations by status, as the last health sweep on this node left them")
                    .tag("status", status).register(registry);
        }
    }

    /** Refreshed by every sweep: statuses without instances read 0. */
    public void instances(Map<String, Long> byStatus) {
        for (var status : STATUSES) instances.get(status).set(byStatus.getOrDefault(status, 0L));
    }

    public void disconnect(String reason) {
        Counter.builder("whatsapp.disconnects").description("Disconnections recorded by health sweeps, by reason")
                .tag("reason", reason == null ? "unknown" : reason).register(registry).increment();
    }

    /** @param outcome completed, failed or skipped */
    public void sweep(String outcome, Duration took) {
        Timer.builder("whatsapp.health.sweeps").description("Health sweeps: duration by outcome")
                .tag("outcome", outcome).register(registry).record(took);
    }

    public void restart(String outcome) {
        Counter.builder("whatsapp.heal.restarts").description("Restarts of instances stuck connecting, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** @param kind evolution_instance or db_record */
    public void orphans(String kind, int found, int deleted) {
        Counter.builder("whatsapp.orphans.found").description("Orphan candidates found by cleanup runs")
                .tag("kind", kind).register(registry).increment(found);
        Counter.builder("whatsapp.orphans.deleted").description("Orphans deleted or retired by cleanup runs")
                .tag("kind", kind).register(registry).increment(deleted);
    }

    public void alert(String type) {
        Counter.builder("whatsapp.alerts.sent").description("Alerts delivered to ALERT_WEBHOOK_URL, by type")
                .tag("type", type).register(registry).increment();
    }
}
