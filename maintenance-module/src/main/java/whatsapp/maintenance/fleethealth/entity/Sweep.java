package whatsapp.maintenance.fleethealth.entity;

import java.util.function.Function;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunResult;

/** How a health sweep ended. */
public sealed interface Sweep extends RunResult {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable);

    @Override
    default String outcome() {
        return match(done -> Run.COMPLETED, skipped -> Run.SKIPPED, unavailable -> Run.FAILED);
    }

    /** The summary as the history keeps it: changes and errors, not every unhealthy instance. */
    @Override
    default Object recorded() {
        return match(done -> done.summary().forRecord(), skipped -> null, unavailable -> unavailable.summary().forRecord());
    }

    record Done(HealthSummary summary) implements Sweep {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return done.apply(this);
        }
    }

    /** Another sweep holds the cluster-wide lock; this one did nothing. */
    record Skipped(String reason) implements Sweep {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return skipped.apply(this);
        }
    }

    /** Evolution's listing was unusable: no status was changed. */
    record Unavailable(HealthSummary summary, String reason) implements Sweep {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
