package whatsapp.maintenance.runs.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.runs.control.RunRecords;
import whatsapp.maintenance.runs.entity.Lease;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunHistory;
import whatsapp.maintenance.runs.entity.RunInterrupted;
import whatsapp.maintenance.runs.entity.RunResult;
import whatsapp.maintenance.runs.entity.RunStart;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.json.JsonContract;

/**
 * Every maintenance run goes through {@link #run}: one run of a type at a time in the cluster (the type's lease),
 * each recorded in the runs history with how it ended and its summary; one that finds the lease taken does nothing
 * and is recorded as skipped (consecutive skips collapsed into one row that counts them). The work runs outside any
 * transaction (it calls Evolution); the bookkeeping around it is a short transaction of its own.
 *
 * <p>The lease is short and renewed while the run works: every {@code run-lock.renew-seconds} (60 by default) a
 * managed scheduled task extends it to two renewal periods from now, on the database's clock. A node that dies holding
 * it frees it within two periods, and whoever claims it next records the dead node's run as failed (abandoned), as
 * does a node's boot for runs whose lease ran out. A renewal that fails (the lease was taken over after this node
 * stalled, or the database is away) stops the run at its next step ({@link RunStart#checkpoint()}): it ends failed,
 * and a manual trigger answers 503.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Runs {

    static final Logger LOG = Logger.getLogger(Runs.class.getName());

    @EJB
    RunRecords records;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "run-lock.renew-seconds", defaultValue = "60")
    int renewSeconds;

    /**
     * @param work    the run itself, once it holds the lease; a run that throws is recorded as failed
     * @param skipped the result when another run of this type holds the lease
     * @throws RunInterrupted when the run stopped because its lease could not be renewed
     */
    public <T extends RunResult> T run(RunType type, String triggeredBy, Function<RunStart, T> work, Supplier<T> skipped) {
        var started = Instant.now();
        var renewal = Duration.ofSeconds(Math.max(1, renewSeconds));
        var leaseLength = renewal.multipliedBy(2);
        var id = records.start(type, triggeredBy, started, leaseLength);
        if (id.isEmpty()) {
            records.skipped(type, triggeredBy, "another " + type.label() + " was in progress", started);
            return skipped.get();
        }
        var lease = new Lease(type);
        var renewals = scheduler.scheduleAtFixedRate(() -> renew(type, id.get(), leaseLength, lease),
                renewal.toMillis(), renewal.toMillis(), TimeUnit.MILLISECONDS);
        T result = null;
        String interrupted = null;
        try {
            result = work.apply(new RunStart(id.get(), triggeredBy, started, lease));
            return result;
        } catch (RunInterrupted e) {
            interrupted = lease.lostBecause();
            throw e;
        } finally {
            renewals.cancel(false);
            var recorded = result == null ? null : result.recorded();
            records.finish(id.get(), type, result == null ? Run.FAILED : result.outcome(),
                    interrupted != null ? "{\"reason\":\"lease lost\"}" : recorded == null ? null : JsonContract.toJson(recorded));
        }
    }

    /** One renewal; the first that fails marks the lease lost (the run stops at its next step). */
    void renew(RunType type, java.util.UUID id, Duration leaseLength, Lease lease) {
        if (lease.lostBecause() != null) return;
        String why;
        try {
            why = records.renew(type, id, leaseLength) ? null : "taken over by another run";
        } catch (RuntimeException e) {
            why = "renewal failed: " + e.getClass().getSimpleName();
        }
        if (why != null) {
            var reason = why;
            LOG.warning(() -> "The " + type.label() + " " + id + " lost its lease (" + reason + "); it stops at its next step");
            lease.lost(why);
        }
    }

    /** At boot: runs whose node died (lease run out) are recorded failed (abandoned) instead of running forever. */
    public void abandonExpired() {
        int abandoned = records.abandonExpired();
        if (abandoned > 0) LOG.warning(() -> abandoned + " run(s) left running by a node that died: failed (abandoned)");
    }

    /** @param type null: every type */
    public RunHistory history(RunType type, int limit) {
        return RunHistory.of(records.newestFirst(type, limit));
    }
}
