package whatsapp.maintenance.runs.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import whatsapp.maintenance.runs.control.RunRecords;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunHistory;
import whatsapp.maintenance.runs.entity.RunResult;
import whatsapp.maintenance.runs.entity.RunStart;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.web.json.JsonContract;

/**
 * Every maintenance run goes through {@link #run}: one run of a type at a time in the cluster (the type's lease),
 * each recorded in the runs history with how it ended and its summary; one that finds the lease taken does nothing
 * and is recorded as skipped (consecutive skips collapsed into one row that counts them). The work runs outside any
 * transaction (it calls Evolution); the bookkeeping around it is a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Runs {

    @EJB
    RunRecords records;

    /**
     * @param work    the run itself, once it holds the lease; a run that throws is recorded as failed
     * @param skipped the result when another run of this type holds the lease
     */
    public <T extends RunResult> T run(RunType type, String triggeredBy, Function<RunStart, T> work, Supplier<T> skipped) {
        var started = Instant.now();
        var id = records.start(type, triggeredBy, started);
        if (id.isEmpty()) {
            records.skipped(type, triggeredBy, "another " + type.label() + " was in progress", started);
            return skipped.get();
        }
        T result = null;
        try {
            result = work.apply(new RunStart(id.get(), triggeredBy, started));
            return result;
        } finally {
            var recorded = result == null ? null : result.recorded();
            records.finish(id.get(), type, result == null ? Run.FAILED : result.outcome(),
                    recorded == null ? null : JsonContract.toJson(recorded));
        }
    }

    /** @param type null: every type */
    public RunHistory history(RunType type, int limit) {
        return RunHistory.of(records.newestFirst(type, limit));
    }
}
