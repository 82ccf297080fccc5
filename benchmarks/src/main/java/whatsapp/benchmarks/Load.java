package whatsapp.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** A closed-loop load generator: N threads, each sending its next request when the last answered. */
final class Load {

    interface Request {
        boolean send() throws Exception;
    }

    /** Runs for {@code seconds} after {@code warmupSeconds}; failures are counted, not timed. */
    static Stats run(int threads, double warmupSeconds, double seconds, Request request, AtomicLong failures)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        var done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            var thread = new Thread(() -> {
                List<Double> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        boolean ok = request.send();
                        long now = System.nanoTime();
                        if (start >= warmupEnd && now <= end) {
                            if (ok) mine.add((now - start) / 1e6);
                            else failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    latencies.addAll(mine);
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        return Stats.of(latencies, seconds);
    }

    static <T> List<T> all(int threads, List<Callable<T>> tasks) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (var future : pool.invokeAll(tasks)) results.add(future.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
