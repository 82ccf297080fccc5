package whatsapp.maintenance.alerts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

class FlapPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Test
    void moreChangesThanAllowedWithinTheWindowIsFlapping() {
        var history = new ArrayList<StatusChange>();
        history.add(change(Status.disconnected, Status.connected, null, NOW.minus(Duration.ofMinutes(30)))); // before the window
        for (int i = 0; i < 7; i++)
            history.add(change(i % 2 == 0 ? Status.connected : Status.connecting, i % 2 == 0 ? Status.connecting : Status.connected,
                    i == 3 ? "conflict (440)" : null, NOW.minus(Duration.ofMinutes(7 - i))));

        var recent = FlapPolicy.within(history, WINDOW, NOW);

        assertThat(recent).hasSize(7);
        assertThat(FlapPolicy.flapping(recent, 6)).isTrue();
        assertThat(FlapPolicy.flapping(recent.subList(0, 6), 6)).as("six is not more than six").isFalse();
        assertThat(FlapPolicy.detail(recent, WINDOW))
                .isEqualTo("7 status changes within 10 min (connected→connecting, connecting→connected, conflict (440))");
    }

    @Test
    void noChangeWithinTheWindowIsStable() {
        var history = java.util.List.of(change(Status.connecting, Status.connected, null, NOW.minus(Duration.ofMinutes(11))));
        assertThat(FlapPolicy.within(history, WINDOW, NOW)).isEmpty();
    }

    static StatusChange change(Status from, Status to, String reason, Instant at) {
        return new StatusChange("clinic-x-1", "org-x", UUID.randomUUID(), from, to, reason, at, Source.webhook);
    }
}
