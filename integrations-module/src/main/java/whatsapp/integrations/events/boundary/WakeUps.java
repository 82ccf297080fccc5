package whatsapp.integrations.events.boundary;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/** Wake-ups of a worker that does all that is pending when it runs: many requests, at most one task waiting. */
final class WakeUps {

    private WakeUps() {
    }

    /**
     * Queues {@code work} unless a task queued before has not started yet ({@code queued}); the task clears the flag
     * as it starts, so that a request arriving while it works queues the next one. A refused task (a saturated
     * executor) clears it too: the caller's periodic sweep does the work then.
     */
    static void once(AtomicBoolean queued, Executor executor, Runnable work) {
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                queued.set(false);
                work.run();
            });
        } catch (RuntimeException rejected) {
            queued.set(false);
        }
    }
}
