package whatsapp.simulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import whatsapp.simulator.Fault;

/**
 * The injected faults. Each call takes a {@link Plan}: the sum of matching latencies plus the first
 * matching fault that answers instead of Evolution; a fault limited by {@code times} is used up here.
 * Hung calls wait on a latch that {@link #clear()} and {@link #close()} release.
 */
public final class Faults {

    /** What to do to one call. {@code answer} null = let Evolution answer. */
    public record Plan(Duration latency, Fault answer, CountDownLatch release) {
    }

    private static final class Active {
        final Fault fault;
        final AtomicInteger left;

        Active(Fault fault) {
            this.fault = fault;
            this.left = new AtomicInteger(fault.times());
        }

        boolean take() {
            if (fault.times() == Fault.FOREVER) return true;
            for (int n = left.get(); n > 0; n = left.get()) if (left.compareAndSet(n, n - 1)) return true;
            return false;
        }
    }

    private final List<Active> active = new ArrayList<>();
    private CountDownLatch release = new CountDownLatch(1);
    private volatile boolean closed;

    public synchronized void add(Fault fault) {
        active.add(new Active(fault));
    }

    /** Removes every fault and lets hung calls go on to a normal answer. */
    public synchronized void clear() {
        active.clear();
        release.countDown();
        release = new CountDownLatch(1);
    }

    /** Hung calls end without an answer. */
    public synchronized void close() {
        closed = true;
        active.clear();
        release.countDown();
    }

    public boolean closed() {
        return closed;
    }

    public synchronized List<Fault> active() {
        return active.stream().map(a -> a.fault).toList();
    }

    public synchronized Plan plan(String route) {
        var latency = Duration.ZERO;
        Fault answer = null;
        for (var candidate : active) {
            var fault = candidate.fault;
            if (!fault.appliesTo(route) || (fault.type() == Fault.Type.EMPTY_LIST && !"fetchInstances".equals(route))) continue;
            if (fault.type() == Fault.Type.LATENCY) {
                if (candidate.take()) latency = latency.plus(fault.latency());
            } else if (answer == null && candidate.take()) {
                answer = fault;
            }
        }
        active.removeIf(a -> a.fault.times() != Fault.FOREVER && a.left.get() == 0);
        return new Plan(latency, answer, release);
    }
}
