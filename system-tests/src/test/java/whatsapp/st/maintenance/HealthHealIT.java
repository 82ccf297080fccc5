package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.SeedInstance;

/**
 * Auto-heal: a paired instance stuck connecting for longer than heal.connecting-minutes (10) is restarted, at
 * most heal.max-restarts-per-hour (3) times an hour; after a 401/403 it is never restarted but alerted. The
 * tests seed status_changed_at in the past instead of changing the thresholds.
 */
class HealthHealIT extends FleetTests {

    static final Instant STUCK_SINCE = Instant.now().minus(Duration.ofMinutes(30));

    @Test
    void anInstanceStuckConnectingIsRestartedAtMostThreeTimesAnHour() {
        var stuck = connecting("org-stuck", STUCK_SINCE, null);

        var first = Health.swept();

        assertThat(evolution().calls("restart")).isOne();
        var attempt = first.getJsonArray("restarts").getJsonObject(0);
        assertThat(attempt.getString("instance_name")).isEqualTo(stuck);
        assertThat(attempt.getString("outcome")).isEqualTo("restarted");

        var second = Health.swept();
        var third = Health.swept();
        var fourth = Health.swept();

        assertThat(evolution().calls("restart")).isEqualTo(3);
        assertThat(fourth.getJsonArray("restarts").getJsonObject(0).getString("outcome")).isEqualTo("rate_limited");
        assertThat(Stream.of(first, second, third, fourth).flatMap(s -> s.getJsonArray("restarts").getValuesAs(JsonObject.class)
                .stream()).filter(a -> a.getString("instance_name").equals(stuck) && a.getString("outcome").equals("restarted")))
                .as("three restart attempts recorded").hasSize(3);
    }

    @Test
    void connectingForLessThanTheThresholdOrNeverPairedIsLeftAlone() {
        connecting("org-fresh", Instant.now().minus(Duration.ofMinutes(2)), null);
        var waitingForQr = name("org-qr", OLD);
        evolution().seed(SeedInstance.named(waitingForQr).status("connecting").createdAt(OLD));
        // time travel: connecting (never paired) since STUCK_SINCE, longer than the 10 minutes of the auto-heal
        Health.row("org-qr", waitingForQr, "connecting", null, null, STUCK_SINCE);

        var summary = Health.swept();

        assertThat(evolution().calls("restart")).isZero();
        assertThat(summary.getJsonArray("restarts")).isEmpty();
    }

    @Test
    void after401TheInstanceIsNeverRestartedButAlerted() {
        var removed = connecting("org-removed", STUCK_SINCE, 401);
        try (var receiver = AlertReceiver.start()) {
            var summary = Health.swept();

            assertThat(evolution().calls("restart")).isZero();
            assertThat(summary.getJsonArray("restarts").getValuesAs(JsonObject.class))
                    .extracting(a -> a.getString("outcome")).containsExactly("repair_needed");
            var alert = receiver.await(removed, "raised", Duration.ofSeconds(10));
            assertThat(alert.getString("type")).isEqualTo("instance.repair_needed");
            assertThat(alert.getBoolean("needs_repairing")).isTrue();
        }
    }

    /** A paired instance that Evolution lists as connecting and we have recorded as connecting since {@code since}. */
    static String connecting(String organization, Instant since, Integer lastCloseCode) {
        var name = name(organization, OLD);
        var seed = SeedInstance.named(name).status("connecting").ownerJid(Health.NUMBER + "@s.whatsapp.net").createdAt(OLD);
        if (lastCloseCode != null) seed = seed.disconnection(lastCloseCode, HealthSweepIT.DEVICE_REMOVED, since.minusSeconds(60));
        evolution().seed(seed);
        // time travel: recorded connecting since `since`, which the auto-heal compares with its 10 minutes
        Health.row(organization, name, "connecting", Health.NUMBER, OLD, since);
        return name;
    }
}
