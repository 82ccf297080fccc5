package whatsapp.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What a run counted: requests and latencies per endpoint, answers by status, named counters, violations. */
final class Stats {

    /** One invariant: how often it was checked and every violation seen (the first few kept with detail). */
    static final class Invariant {
        final String name;
        final AtomicLong checks = new AtomicLong();
        final AtomicLong violations = new AtomicLong();
        final List<String> examples = new CopyOnWriteArrayList<>();

        Invariant(String name) {
            this.name = name;
        }

        void checked(long n) {
            checks.addAndGet(n);
        }

        void violated(String detail) {
            violations.incrementAndGet();
            if (examples.size() < 8) examples.add(detail);
            System.out.println("!!! VIOLATION " + name + ": " + detail);
        }
    }

    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, List<Long>> latenciesDuringFaults = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    final Map<String, Invariant> invariants = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    Invariant invariant(String name) {
        return invariants.computeIfAbsent(name, Invariant::new);
    }

    void count(String name) {
        add(name, 1);
    }

    void add(String name, long n) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }

    long get(String name) {
        var counter = counters.get(name);
        return counter == null ? 0 : counter.get();
    }

    void latency(String endpoint, long millis, boolean duringFault) {
        latencies.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
        if (duringFault)
            latenciesDuringFaults.computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    /** [count, p50, p99, max] in ms. */
    static long[] percentiles(List<Long> values) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) return new long[] {0, 0, 0, 0};
        Collections.sort(sorted);
        return new long[] {sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1)};
    }

    static long at(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Long> countersSorted() {
        var sorted = new TreeMap<String, Long>();
        counters.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
