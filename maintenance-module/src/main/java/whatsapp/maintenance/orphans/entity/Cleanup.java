package whatsapp.maintenance.orphans.entity;

import java.util.function.Function;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunResult;

/** How a cleanup run ended. */
public sealed interface Cleanup extends RunResult {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable);

    @Override
    default String outcome() {
        return match(done -> done.summary().aborted() ? Run.ABORTED : Run.COMPLETED, skipped -> Run.SKIPPED,
                unavailable -> Run.FAILED);
    }

    @Override
    default Object recorded() {
        return match(Done::summary, skipped -> null, Unavailable::summary);
    }

    /** Ran to the end, possibly aborted by a guard (see the summary). */
    record Done(CleanupSummary summary) implements Cleanup {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return done.apply(this);
        }
    }

    /** Another run holds the cluster-wide lock; this one did nothing. */
    record Skipped(String reason) implements Cleanup {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return skipped.apply(this);
        }
    }

    /** Evolution's listing was unusable: nothing was changed. */
    record Unavailable(CleanupSummary summary, String reason) implements Cleanup {
        @Override
        public <R> R match(Function<Done, R> done, Function<Skipped, R> skipped, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
