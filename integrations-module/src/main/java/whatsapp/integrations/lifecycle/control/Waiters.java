package whatsapp.integrations.lifecycle.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Create requests of one organization waiting on this node for another's creation, each holding a request thread:
 * at most a few, so that a burst of them cannot take every worker thread from reads and webhooks. Counted per node (a
 * cluster of n nodes lets n times as many wait, each node protecting its own threads).
 */
@ApplicationScoped
public class Waiters {

    final ConcurrentHashMap<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

    /** @return false when {@code max} requests of the organization wait already (the caller answers 409) */
    public boolean enter(String organizationId, int max) {
        var entered = new boolean[1];
        waiting.compute(organizationId, (organization, count) -> {
            var current = count == null ? new AtomicInteger() : count;
            entered[0] = current.get() < max;
            if (entered[0]) current.incrementAndGet();
            return current.get() == 0 ? null : current;
        });
        return entered[0];
    }

    public void leave(String organizationId) {
        waiting.computeIfPresent(organizationId, (organization, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Waiting now on this node for the organization. */
    public int of(String organizationId) {
        var count = waiting.get(organizationId);
        return count == null ? 0 : count.get();
    }
}
