package whatsapp.integrations.lifecycle.entity;

import java.util.function.Function;
import java.util.function.Supplier;

/** How far a deletion got. */
public sealed interface Retired {

    /** One handler per outcome: a new outcome fails to compile wherever a deletion's outcome is read. */
    <R> R match(Function<Done, R> done, Function<Pending, R> pending, Supplier<R> unknown);

    /** Every step done: instance gone, event recorded, cache invalidated, row deleted. */
    record Done(String instanceName) implements Retired {
        @Override
        public <R> R match(Function<Done, R> done, Function<Pending, R> pending, Supplier<R> unknown) {
            return done.apply(this);
        }
    }

    /** Evolution could not be reached; the row stays {@code deleting} and a background retry finishes it. */
    record Pending(Integration integration) implements Retired {
        public Pending {
            java.util.Objects.requireNonNull(integration, "a pending deletion has its row");
        }

        @Override
        public <R> R match(Function<Done, R> done, Function<Pending, R> pending, Supplier<R> unknown) {
            return pending.apply(this);
        }
    }

    /** No such integration. */
    record Unknown() implements Retired {
        @Override
        public <R> R match(Function<Done, R> done, Function<Pending, R> pending, Supplier<R> unknown) {
            return unknown.get();
        }
    }
}
