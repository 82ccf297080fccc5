package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** Prometheus text on the management port: the fleet-health and cleanup meters after a sweep and a cleanup. */
class HealthMetricsIT extends FleetTests {

    @Test
    void sweepsDisconnectsAlertsAndOrphansAreCounted() {
        var up = HealthAlertsIT.paired("org-metrics-up", 1);
        var down = HealthAlertsIT.paired("org-metrics-down", 2);
        try (var receiver = AlertReceiver.start()) {
            Health.swept();
            evolution().disconnect(down, Disconnect.DEVICE_REMOVED);
            Health.swept();
            receiver.await(down, "raised", java.time.Duration.ofSeconds(10));
        }
        assertThat(Fleet.cleanup().status()).isEqualTo(200);

        var metrics = Http.get(Service.management("/metrics"), null);

        assertThat(metrics.status()).isEqualTo(200);
        var text = metrics.body();
        System.out.println("METRICS SAMPLE\n" + Arrays.stream(text.split("\n"))
                .filter(line -> line.contains("whatsapp") || line.contains("evolution_requests"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(sample(text, "whatsapp_instances", "status=\"connected\"")).hasValue(1.0);
        assertThat(sample(text, "whatsapp_instances", "status=\"disconnected\"")).hasValue(1.0);
        assertThat(sample(text, "whatsapp_disconnects_total", "reason=\"device_removed (401)\"")).hasValueSatisfying(v ->
                assertThat(v).isGreaterThanOrEqualTo(1.0));
        assertThat(sample(text, "whatsapp_health_sweeps_seconds_count", "outcome=\"completed\"")).hasValueSatisfying(v ->
                assertThat(v).isGreaterThanOrEqualTo(2.0));
        assertThat(sample(text, "whatsapp_health_sweeps_seconds_max", "outcome=\"completed\"")).isPresent();
        assertThat(sample(text, "whatsapp_alerts_sent_total", "type=\"instance.disconnected\"")).isPresent();
        assertThat(sample(text, "whatsapp_orphans_found_total", "kind=\"evolution_instance\"")).isPresent();
        assertThat(sample(text, "whatsapp_orphans_deleted_total", "kind=\"db_record\"")).isPresent();
        assertThat(sample(text, "evolution_requests_seconds_count", "route=\"fetchInstances\"")).isPresent();
        assertThat(up).isNotEmpty();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    static Optional<Double> sample(String text, String name, String label) {
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .findFirst()
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
