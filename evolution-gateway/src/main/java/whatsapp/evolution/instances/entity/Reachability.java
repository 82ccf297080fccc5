package whatsapp.evolution.instances.entity;

import java.util.function.Function;

import java.time.Instant;

/** Whether Evolution answered {@code GET /}; reported as data (health), never a reason to be unready. */
public sealed interface Reachability {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Reachable, R> reachable, Function<Unreachable, R> unreachable);

    Instant checkedAt();

    record Reachable(String version, Instant checkedAt) implements Reachability {
        @Override
        public <R> R match(Function<Reachable, R> reachable, Function<Unreachable, R> unreachable) {
            return reachable.apply(this);
        }
    }

    record Unreachable(String reason, Instant checkedAt) implements Reachability {
        @Override
        public <R> R match(Function<Reachable, R> reachable, Function<Unreachable, R> unreachable) {
            return unreachable.apply(this);
        }
    }
}
