package whatsapp.integrations.status.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Status;

class TransitionTest {

    static final Instant EARLIER = Instant.parse("2025-11-15T10:00:00Z");
    static final Instant NOW = Instant.parse("2025-11-15T16:50:00Z");

    static Observation seen(Status status, String phone, String reason) {
        return new Observation("clinic-org-1-1", status, phone, reason, NOW);
    }

    @Test
    void aNeverPairedInstanceThatEvolutionReportsClosedIsStillPending() {
        var pending = new Transition(Status.pending, null, null, null);
        assertThat(Transition.of(pending, seen(Status.disconnected, null, null)).status()).isEqualTo(Status.pending);
        assertThat(Transition.of(pending, seen(Status.disconnected, null, "banned (406)")).status()).isEqualTo(Status.disconnected);
    }

    @Test
    void connectedAtIsKeptWhileConnectedAndSetWhenConnecting() {
        var connected = new Transition(Status.connected, "5511999990000", EARLIER, null);
        assertThat(Transition.of(connected, seen(Status.connected, "5511999990000", null))).isEqualTo(connected);
        var disconnected = new Transition(Status.disconnected, "5511999990000", EARLIER, "conflict (440)");
        var again = Transition.of(disconnected, seen(Status.connected, null, null));
        assertThat(again.connectedAt()).isEqualTo(NOW);
        assertThat(again.disconnectReason()).isNull();
        assertThat(again.phoneNumber()).as("a known number is never cleared").isEqualTo("5511999990000");
    }

    @Test
    void aDisconnectionKeepsItsReasonAndTheLastConnection() {
        var connected = new Transition(Status.connected, "5511999990000", EARLIER, null);
        var dropped = Transition.of(connected, seen(Status.disconnected, null, "device_removed (401)"));
        assertThat(dropped).isEqualTo(new Transition(Status.disconnected, "5511999990000", EARLIER, "device_removed (401)"));
        assertThat(dropped.statusDiffers(connected)).isTrue();
        assertThat(Transition.of(dropped, seen(Status.missing, null, null)).disconnectReason()).isEqualTo("missing from Evolution");
    }
}
