package whatsapp.maintenance.runs.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Who started which run when: what a run's work is handed once it holds the lock. The work calls {@link #checkpoint()}
 * between its steps: a run whose lease could not be renewed stops there.
 */
public record RunStart(UUID id, String triggeredBy, Instant startedAt, Lease lease) {

    /** @throws RunInterrupted when the lease is lost */
    public void checkpoint() {
        lease.check();
    }
}
