package whatsapp.evolution.instances.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One Evolution server's circuit breaker for the request path: opens after {@code threshold} unusable answers in a
 * row, stays open for {@code delay}, then lets one trial call through (success closes it, failure opens it again).
 * One per server, so that a dead server never fails the requests of the others.
 */
public final class Circuit {

    public static final String OPEN = "circuit open after repeated failures";

    private final int threshold;
    private final Duration delay;
    private final Clock clock;
    private int failures;
    private Instant openUntil;
    private boolean trial;

    public Circuit(int threshold, Duration delay, Clock clock) {
        this.threshold = threshold;
        this.delay = delay;
        this.clock = clock;
    }

    /** @return false while open: answer unavailable without calling */
    public synchronized boolean allow() {
        if (openUntil == null) return true;
        if (clock.instant().isBefore(openUntil) || trial) return false;
        trial = true;
        return true;
    }

    public synchronized void succeeded() {
        failures = 0;
        openUntil = null;
        trial = false;
    }

    public synchronized void failed() {
        if (trial || ++failures >= threshold) {
            openUntil = clock.instant().plus(delay);
            trial = false;
        }
    }

    public synchronized boolean open() {
        return openUntil != null && clock.instant().isBefore(openUntil);
    }
}
