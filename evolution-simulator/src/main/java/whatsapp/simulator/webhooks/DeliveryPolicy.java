package whatsapp.simulator.webhooks;

import java.time.Duration;
import java.util.Set;

/**
 * How hard the simulator tries: {@code retries} more attempts after a failure, waiting {@code backoff},
 * then twice that, and so on. Evolution itself waits 5 s doubling to 300 s over 10 attempts; tests want less.
 */
public record DeliveryPolicy(int retries, Duration backoff, Duration timeout) {

    /** Answers that stop retries at once, as in Evolution. */
    private static final Set<Integer> FINAL_STATUSES = Set.of(400, 401, 403, 404, 422);

    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5));

    public DeliveryPolicy {
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
    }

    /** {@code remove.instance} on delete: one quick attempt, so the row goes away promptly. */
    public DeliveryPolicy singleQuickAttempt() {
        var quick = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
        return new DeliveryPolicy(0, backoff, quick);
    }

    boolean retryAfter(Integer status, int attempt) {
        if (attempt > retries) return false;
        if (status == null) return true;
        return !(status >= 200 && status < 300) && !FINAL_STATUSES.contains(status);
    }

    Duration delayBefore(int nextAttempt) {
        return backoff.multipliedBy(1L << Math.min(nextAttempt - 2, 16));
    }
}
