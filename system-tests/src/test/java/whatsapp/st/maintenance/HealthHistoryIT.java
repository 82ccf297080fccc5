package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;

/** GET /maintenance/instances/{instance_name}/history: changes newest first, with uptime over 24 h, 7 d and 30 d. */
class HealthHistoryIT extends FleetTests {

    final String instance = name("org-history", OLD);
    UUID id;

    @BeforeEach
    void seed() {
        // Recorded connected since OLD, two hours ago, without a change of its own: the history is back-dated over
        // days (Database.statusChangeAt), and a connection through a webhook would add a change now.
        id = Health.row("org-history", instance, "connected", Health.NUMBER, OLD, OLD);
    }

    @Test
    void changesComeNewestFirstWithTheirSourceAndUptimeCountsConnectedTime() {
        var now = Instant.now();
        change("pending", "connected", null, "webhook", now.minus(Duration.ofDays(10)));
        change("connected", "disconnected", "conflict (440)", "webhook", now.minus(Duration.ofHours(12)));
        change("disconnected", "connected", null, "webhook", now.minus(Duration.ofHours(6)));
        evolution().seed(SeedInstance.named(instance).status("close").ownerJid(Health.NUMBER + "@s.whatsapp.net")
                .disconnection(401, HealthSweepIT.DEVICE_REMOVED, now).createdAt(OLD));
        Health.swept();

        var answer = Health.history(instance);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var json = answer.json();
        assertThat(json.getString("instance_name")).isEqualTo(instance);
        assertThat(json.getString("status")).isEqualTo("disconnected");
        var changes = json.getJsonArray("changes").getValuesAs(JsonObject.class);
        assertThat(changes).hasSize(4);
        var newest = changes.get(0);
        assertThat(newest.getString("from")).isEqualTo("connected");
        assertThat(newest.getString("to")).isEqualTo("disconnected");
        assertThat(newest.getString("reason")).isEqualTo("device_removed (401)");
        assertThat(newest.getString("source")).isEqualTo("sweep");
        assertThat(newest.getString("at")).endsWith("Z");
        assertThat(changes.get(1).getString("source")).isEqualTo("webhook");
        assertThat(changes.get(3).getString("to")).as("oldest last").isEqualTo("connected");
        assertThat(changes.get(3).getString("from")).isEqualTo("pending");

        var uptime = json.getJsonObject("uptime");
        assertThat(uptime.getJsonNumber("24h").doubleValue()).as("18 of 24 hours connected").isCloseTo(75.0, within(0.5));
        assertThat(uptime.getJsonNumber("7d").doubleValue()).isCloseTo((7 * 24 - 6) * 100.0 / (7 * 24), within(0.5));
        assertThat(uptime.getJsonNumber("30d").doubleValue()).as("not connected before the first change")
                .isCloseTo((10 * 24 - 6) * 100.0 / (30 * 24), within(0.5));
    }

    @Test
    void aKnownInstanceWithoutChangesHasAnEmptyHistory() {
        var answer = Health.history(instance);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getString("status")).isEqualTo("connected");
        assertThat(answer.json().getJsonArray("changes")).isEmpty();
        assertThat(answer.json().getJsonObject("uptime").getJsonNumber("24h").doubleValue()).isZero();
    }

    @Test
    void anUnknownInstanceWithoutHistoryIs404() {
        var answer = Health.history("clinic-nobody-1763224272772");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/unknown-instance");
    }

    void change(String from, String to, String reason, String source, Instant at) {
        Database.statusChangeAt(instance, "org-history", id, from, to, reason, source, at);
    }

    static org.assertj.core.data.Offset<Double> within(double value) {
        return org.assertj.core.data.Offset.offset(value);
    }
}
