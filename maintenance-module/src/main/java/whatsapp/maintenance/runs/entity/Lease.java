package whatsapp.maintenance.runs.entity;

import java.util.concurrent.atomic.AtomicReference;

/** A run's hold on its type's lock, as the renewals find it: held until a renewal fails. Thread-safe. */
public final class Lease {

    private final RunType type;
    private final AtomicReference<String> lost = new AtomicReference<>();

    public Lease(RunType type) {
        this.type = type;
    }

    /** The renewal failed: the run must stop at its next step. */
    public void lost(String why) {
        lost.compareAndSet(null, why);
    }

    /** @return why the lease was lost, null while it is held */
    public String lostBecause() {
        return lost.get();
    }

    /** Between two steps of a run: stops it (with {@link RunInterrupted}) once the lease is lost. */
    public void check() {
        var why = lost.get();
        if (why != null) throw new RunInterrupted(type, why);
    }
}
