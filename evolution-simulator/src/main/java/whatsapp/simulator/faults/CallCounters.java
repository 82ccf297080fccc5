package whatsapp.simulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Calls per Evolution route ({@code create}, {@code fetchInstances}, ...), faulted ones included. */
public final class CallCounters {

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void count(String route) {
        counters.computeIfAbsent(route, r -> new LongAdder()).increment();
    }

    /** @param route a route name, or "*" for all routes together */
    public long of(String route) {
        if ("*".equals(route)) return counters.values().stream().mapToLong(LongAdder::sum).sum();
        var counter = counters.get(route);
        return counter == null ? 0 : counter.sum();
    }

    public Map<String, Long> all() {
        var snapshot = new TreeMap<String, Long>();
        counters.forEach((route, counter) -> snapshot.put(route, counter.sum()));
        return snapshot;
    }

    public void reset() {
        counters.clear();
    }
}
