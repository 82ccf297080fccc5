package whatsapp.maintenance.fleethealth.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import whatsapp.evolution.instances.entity.Lookup;

/**
 * A sweep's live-state confirmations, up to {@code parallel} at once: one round trip each, so that a few hundred
 * status changes (an Evolution restart) cost a few round trips' time rather than one after the other. The calling
 * thread works too, so they progress even when the executor is busy. Once a server could not answer one, its
 * confirmations not yet asked are skipped (left to the next sweep); those already under way finish.
 */
public final class Confirmations {

    static final String SKIPPED = "skipped after an earlier confirmation failed";

    private Confirmations() {
    }

    /**
     * @param serverOf the Evolution server a row lives on
     * @param ask      one confirmation ({@code connectionState})
     * @return each row's answer, in the order of {@code rows}
     * @throws RuntimeException the first one a confirmation threw, after the others finished
     */
    public static <R> List<Lookup> ask(List<R> rows, Function<R, String> serverOf, Function<R, Lookup> ask, int parallel,
                                       Executor executor) {
        var answers = new AtomicReferenceArray<Lookup>(rows.size());
        var next = new AtomicInteger();
        Set<String> troubled = ConcurrentHashMap.newKeySet();
        var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < rows.size() && failure.get() == null; i = next.getAndIncrement()) {
                var row = rows.get(i);
                var server = serverOf.apply(row);
                if (troubled.contains(server)) {
                    answers.set(i, new Lookup.Unavailable(SKIPPED));
                    continue;
                }
                try {
                    var live = ask.apply(row);
                    if (live instanceof Lookup.Unavailable) troubled.add(server);
                    answers.set(i, live);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int helpers = Math.max(0, Math.min(parallel, rows.size()) - 1);
        var running = new ArrayList<CompletableFuture<Void>>();
        for (int h = 0; h < helpers; h++) {
            try {
                running.add(CompletableFuture.runAsync(worker, executor));
            } catch (RuntimeException rejected) {
                break;   // a saturated executor: the calling thread does the rest
            }
        }
        worker.run();
        for (var helper : running) {
            try {
                helper.join();
            } catch (CompletionException e) {
                failure.compareAndSet(null, e.getCause() instanceof RuntimeException r ? r : e);
            }
        }
        if (failure.get() != null) throw failure.get();
        var result = new ArrayList<Lookup>(rows.size());
        for (int i = 0; i < rows.size(); i++)
            result.add(answers.get(i) == null ? new Lookup.Unavailable(SKIPPED) : answers.get(i));
        return result;
    }
}
