package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Poll;

/**
 * Reconnect loops: a storm of connecting/open webhooks (2.3.x shows a 440 loop so, with no close) makes more than
 * FLAP_CHANGES (6) status changes within the flap window (5 s in the tests, FLAP_WINDOW_SECONDS): one
 * {@code instance.flapping} alert with the count and what was seen; while it flaps, a change is not alerted by itself;
 * the first sweep after a window without changes resolves it, and alerts per change resume.
 */
class FlappingIT extends FleetTests {

    @Test
    void aReconnectStormIsOneFlappingAlertHoldingPerChangeAlertsUntilStable() {
        var name = Health.paired("org-flapping-1", Health.NUMBER);
        try (var receiver = AlertReceiver.start()) {
            evolution().reconnectStorm(name, 10, Duration.ofMillis(30));

            var flapping = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(flapping.getString("type")).isEqualTo("instance.flapping");
            assertThat(flapping.getString("reason")).matches("flapping: \\d+ status changes within 5 s \\(.*connected→connecting.*\\)");

            Health.disconnected(name, Disconnect.DEVICE_REMOVED, "device_removed (401)");
            Poll.pause(1500);
            assertThat(receiver.notices().stream().filter(AlertReceiver.about(name))
                    .filter(a -> "instance.disconnected".equals(a.getString("type", null))))
                    .as("no alert per change while it flaps").isEmpty();

            Poll.pause(5500);   // a window without changes
            assertThat(Health.sweep().status()).isEqualTo(200);
            assertThat(receiver.await(name, "resolved", Duration.ofSeconds(10)).getString("resolution"))
                    .isEqualTo("stable: no status change for 5 s");
            var alerts = whatsapp.st.systems.Http.get(whatsapp.st.systems.Service.maintenance("/alerts?limit=20"),
                    whatsapp.st.systems.Service.admin()).body();
            assertThat(alerts).as("the disconnection alerted once it is stable").contains("instance.disconnected");
            // other tests' alerts pending at the same moment may come grouped with it: look at the notices
            Poll.until(() -> receiver.notices().stream().filter(AlertReceiver.about(name))
                    .anyMatch(a -> "instance.disconnected".equals(a.getString("type", null))), Duration.ofSeconds(20),
                    "the disconnection's alert delivered");
            assertThat(receiver.notices().stream().filter(AlertReceiver.about(name))
                    .filter(a -> "instance.flapping".equals(a.getString("type", null)) && "raised".equals(a.getString("notice", null))))
                    .as("one flapping alert").hasSize(1);
        }
    }
}
