package whatsapp.integrations.status.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;

class RecordingTest {

    static final Instant EARLIER = Instant.parse("2025-11-15T10:00:00Z");
    static final Instant NOW = Instant.parse("2025-11-15T16:50:00Z");
    static final UUID ID = UUID.fromString("0b6f3c1e-5d0a-4b7a-9a63-2f0d8c1e9a10");

    static StatusRows.Row connected(Instant since) {
        return new StatusRows.Row(ID, "org-1", since, new Transition(Status.connected, "5511999990000", EARLIER, null));
    }

    static Observation seen(Status status, String reason, Instant at) {
        return new Observation("clinic-org-1-1", status, null, reason, at);
    }

    @Test
    void aDisconnectionIsAnUpdateAndAStatusChangeWithItsReason() {
        var latest = Recording.latest(List.of(seen(Status.disconnected, "device_removed (401)", NOW)));
        var recording = Recording.plan(latest, Map.of("clinic-org-1-1", connected(EARLIER)), Source.webhook);
        assertThat(recording.updates()).hasSize(1);
        assertThat(recording.changes()).singleElement().satisfies(change -> {
            assertThat(change.from()).isEqualTo(Status.connected);
            assertThat(change.to()).isEqualTo(Status.disconnected);
            assertThat(change.reason()).isEqualTo("device_removed (401)");
            assertThat(change.source()).isEqualTo(Source.webhook);
            assertThat(change.at()).isEqualTo(NOW);
        });
    }

    @Test
    void theLatestObservationOfANameWins() {
        var latest = Recording.latest(List.of(seen(Status.disconnected, "conflict (440)", EARLIER),
                seen(Status.connected, null, NOW)));
        var recording = Recording.plan(latest, Map.of("clinic-org-1-1", connected(EARLIER)), Source.sweep);
        assertThat(recording.updates()).isEmpty();
        assertThat(recording.changes()).isEmpty();
    }

    @Test
    void aStatusRecordedAfterTheObservationWasMadeStays() {
        var latest = Recording.latest(List.of(seen(Status.disconnected, "conflict (440)", EARLIER)));
        var recording = Recording.plan(latest, Map.of("clinic-org-1-1", connected(NOW)), Source.sweep);
        assertThat(recording.updates()).isEmpty();
    }

    @Test
    void aStatusSeenToHoldAfterTheObservationWasMadeStaysAndTheObservationIsStale() {
        var middle = Instant.parse("2025-11-15T13:00:00Z");
        var confirmedLater = new StatusRows.Row(ID, "org-1", EARLIER, NOW,
                new Transition(Status.connected, "5511999990000", EARLIER, null));
        var recording = Recording.plan(Recording.latest(List.of(seen(Status.disconnected, null, middle))),
                Map.of("clinic-org-1-1", confirmedLater), Source.sweep);
        assertThat(recording.updates()).isEmpty();
        assertThat(recording.stale()).containsExactly("clinic-org-1-1");
    }

    @Test
    void namesWithoutARowAreLeftAlone() {
        var latest = Recording.latest(List.of(seen(Status.missing, null, NOW)));
        assertThat(Recording.plan(latest, Map.of(), Source.sweep).updates()).isEmpty();
    }

    @Test
    void aNewPhoneNumberIsAnUpdateButNoStatusChange() {
        var latest = Recording.latest(List.of(new Observation("clinic-org-1-1", Status.connected, "5511888880000", null, NOW)));
        var recording = Recording.plan(latest, Map.of("clinic-org-1-1", connected(EARLIER)), Source.sweep);
        assertThat(recording.updates()).singleElement().satisfies(update ->
                assertThat(update.next().phoneNumber()).isEqualTo("5511888880000"));
        assertThat(recording.changes()).isEmpty();
    }
}
