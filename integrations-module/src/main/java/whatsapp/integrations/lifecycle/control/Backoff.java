package whatsapp.integrations.lifecycle.control;

import java.time.Duration;

/** How long a waiting create pauses before it looks again: 50 ms, doubling up to a second. */
public final class Backoff {

    static final Duration FIRST = Duration.ofMillis(50);
    static final Duration MAX = Duration.ofSeconds(1);

    private Backoff() {
    }

    /** @param round 0 for the first pause */
    public static Duration pause(int round) {
        long millis = FIRST.toMillis() << Math.min(Math.max(round, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX.toMillis()));
    }
}
