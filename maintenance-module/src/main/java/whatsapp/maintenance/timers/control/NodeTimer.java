package whatsapp.maintenance.timers.control;

import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * A timer of this node only (not persistent: each node runs its own, the work itself takes cluster-wide leases) that
 * fires every {@code tickSeconds}, 0 or less meaning off, and never runs two of its ticks at once: a tick still
 * running when the next is due makes that one skip. A failed tick is logged by its class only and the next one tries
 * again.
 */
public final class NodeTimer {

    private final String name;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();

    /** @param name what it does, in the log ("Rolling liveness probe") and as the timer's info */
    public NodeTimer(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    /** @return false when it is off ({@code tickSeconds} 0 or less), said in the log with {@code offBecause} */
    public boolean schedule(TimerService timers, int tickSeconds, String offBecause) {
        if (tickSeconds <= 0) {
            log.info(() -> name + " is off (" + offBecause + ")");
            return false;
        }
        long millis = tickSeconds * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig(name, false));
        log.info(() -> name + " runs every " + tickSeconds + " s");
        return true;
    }

    /** One tick, unless the last one is still running. */
    public void tick(Runnable work) {
        if (!running.compareAndSet(false, true)) return;
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warning(() -> name + " failed: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
