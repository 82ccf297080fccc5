package whatsapp.maintenance.fleethealth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

/** Properties checked over a thousand random histories (fixed seed, so a failure repeats), then examples. */
class UptimeTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final Instant DAY_AGO = NOW.minus(Uptime.DAY);
    static final List<Status> STATUSES = List.of(Status.pending, Status.connecting, Status.connected, Status.disconnected, Status.missing);
    static final int TRIES = 1000;

    final Random random = new Random(20251115);

    @Test
    void uptimeIsAlwaysAPercentage() {
        for (int i = 0; i < TRIES; i++) {
            var history = history();
            var window = Duration.ofMinutes(1 + random.nextInt(60 * 24 * 40));
            assertThat(Uptime.percent(history, NOW.minus(window), NOW)).as("%s over %s", history, window).isBetween(0.0, 100.0);
        }
    }

    @Test
    void connectedAndNotConnectedShareTheWindowOnceTheStartIsKnown() {
        for (int i = 0; i < TRIES; i++) {
            var known = new ArrayList<StatusChange>();
            known.add(change(Status.pending, Status.connected, NOW.minus(Uptime.MONTH)));
            known.addAll(history());
            var flipped = known.stream()
                    .map(c -> change(c.from(), c.to() == Status.connected ? Status.disconnected : Status.connected, c.at())).toList();
            var sum = Uptime.percent(known, DAY_AGO, NOW) + Uptime.percent(flipped, DAY_AGO, NOW);
            assertThat(sum).as("%s", known).isCloseTo(100.0, offset(0.011));
        }
    }

    @Test
    void connectedBeforeTheWindowAndNeverChangedIsAHundred() {
        for (int i = 0; i < TRIES; i++) {
            var history = List.of(change(Status.pending, Status.connected, DAY_AGO.minus(Duration.ofMinutes(random.nextInt(100_000)))));
            assertThat(Uptime.percent(history, DAY_AGO, NOW)).isEqualTo(100.0);
        }
    }

    @Test
    void changesAfterTheWindowDoNotCount() {
        for (int i = 0; i < TRIES; i++) {
            var history = history();
            var later = new ArrayList<>(history);
            later.add(change(Status.disconnected, Status.connected, NOW.plusSeconds(1 + random.nextInt(3600))));
            assertThat(Uptime.percent(later, DAY_AGO, NOW)).isEqualTo(Uptime.percent(history, DAY_AGO, NOW));
        }
    }

    @Test
    void beforeTheFirstChangeEverTheInstanceCountsAsNotConnected() {
        var history = List.of(change(Status.pending, Status.connected, NOW.minus(Duration.ofHours(6))));
        assertThat(Uptime.percent(history, DAY_AGO, NOW)).isEqualTo(25.0);
        assertThat(Uptime.percent(List.of(), DAY_AGO, NOW)).isZero();
    }

    @Test
    void theWindowStartsInTheStateTheChangeBeforeItLeft() {
        var history = List.of(
                change(Status.pending, Status.connected, NOW.minus(Duration.ofDays(3))),
                change(Status.connected, Status.disconnected, NOW.minus(Duration.ofHours(12))),
                change(Status.disconnected, Status.connected, NOW.minus(Duration.ofHours(6))));
        assertThat(Uptime.percent(history, DAY_AGO, NOW)).isEqualTo(75.0);
        assertThat(Uptime.percent(history, NOW.minus(Uptime.WEEK), NOW))
                .isEqualTo(Math.round((3 * 24 - 6) * 10_000.0 / (7 * 24)) / 100.0);
    }

    @Test
    void connectingAndMissingAreNotConnected() {
        var history = List.of(
                change(Status.pending, Status.connected, NOW.minus(Duration.ofDays(2))),
                change(Status.connected, Status.connecting, NOW.minus(Duration.ofHours(18))),
                change(Status.connecting, Status.missing, NOW.minus(Duration.ofHours(12))));
        assertThat(Uptime.percent(history, DAY_AGO, NOW)).isEqualTo(25.0);
    }

    /** Up to 40 changes anywhere from 45 days ago to an hour from now, in random order, equal times included. */
    List<StatusChange> history() {
        var changes = new ArrayList<StatusChange>();
        int size = random.nextInt(41);
        for (int i = 0; i < size; i++) {
            long offset = random.nextInt(10) == 0 ? 0 : -Duration.ofDays(45).toSeconds() + (long) (random.nextDouble() * Duration.ofDays(45).plusHours(1).toSeconds());
            changes.add(change(Status.connecting, STATUSES.get(random.nextInt(STATUSES.size())), NOW.plusSeconds(offset)));
        }
        return changes;
    }

    static StatusChange change(Status from, Status to, Instant at) {
        return new StatusChange("clinic-org-1-1763224272772", "org-1", UUID.randomUUID(), from, to, null, at, Source.sweep);
    }
}
