package whatsapp.maintenance.liveness.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;

/**
 * The liveness probes' rate cap ({@code PROBE_RATE_PER_SECOND}), cluster-wide: one Redis rate limiter
 * ({@code whatsapp:probe-rate}) every node takes a permit from before each probe, so that n nodes together never
 * probe faster than the cap. While Redis cannot be used, each node keeps the cap on its own (a cluster of n nodes
 * may then probe up to n times the cap) and says so once in the log.
 */
@ApplicationScoped
public class ProbeRate {

    static final Logger LOG = Logger.getLogger(ProbeRate.class.getName());
    static final String KEY = "whatsapp:probe-rate";

    @Inject
    RedissonClient redis;

    @Inject
    @ConfigProperty(name = "probe.rate-per-second", defaultValue = "2")
    int perSecond;

    final java.util.Set<String> configured = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicBoolean warned = new AtomicBoolean();
    final java.util.Map<String, LocalRate> local = new java.util.concurrent.ConcurrentHashMap<>();

    public int perSecond() {
        return Math.max(1, perSecond);
    }

    /** Waits at most {@code wait} for a probe's permit. @return false: none within the wait (nothing may be probed now) */
    public boolean acquire(Duration wait) {
        return acquire(KEY, perSecond(), wait);
    }

    /**
     * A permit of the cluster-wide rate {@code key} (at most {@code perSecond} a second over all nodes), waiting at most
     * {@code wait}; other periodic checks (the webhook check) use their own key.
     */
    public boolean acquire(String key, int perSecond, Duration wait) {
        int rate = Math.max(1, perSecond);
        try {
            var limiter = redis.getRateLimiter(key);
            if (configured.add(key)) limiter.setRate(RateType.OVERALL, rate, Duration.ofSeconds(1));
            boolean got = limiter.tryAcquire(wait);
            warned.set(false);
            return got;
        } catch (RuntimeException redisUnusable) {
            configured.remove(key);
            if (warned.compareAndSet(false, true))
                LOG.warning(() -> "Rate caps: Redis unusable (" + redisUnusable.getClass().getSimpleName()
                        + "); each node keeps the caps on its own until it is back");
            return local.computeIfAbsent(key, k -> new LocalRate()).acquire(rate, wait);
        }
    }

    /** One node's cap: permits spaced 1/rate apart. */
    static final class LocalRate {
        long next;

        boolean acquire(int perSecond, Duration wait) {
            long spacing = 1_000_000_000L / perSecond;
            long at;
            synchronized (this) {
                long now = System.nanoTime();
                at = Math.max(now, next);
                if (at - now > wait.toNanos()) return false;
                next = at + spacing;
            }
            long sleep = at - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
