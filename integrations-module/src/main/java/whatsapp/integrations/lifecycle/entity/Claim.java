package whatsapp.integrations.lifecycle.entity;

import java.util.function.Function;
import java.util.function.Supplier;

/** The outcome of claiming an organization's one creation slot. */
public sealed interface Claim {

    /** One handler per outcome: a new outcome fails to compile wherever a claim is read. */
    <R> R match(Function<Fresh, R> fresh, Function<TakenOver, R> takenOver, Supplier<R> busy);

    /** We claimed a fresh slot under a new name: create the instance. */
    record Fresh(InstanceName name) implements Claim {
        @Override
        public <R> R match(Function<Fresh, R> fresh, Function<TakenOver, R> takenOver, Supplier<R> busy) {
            return fresh.apply(this);
        }
    }

    /** A claim whose creator vanished (crash, timeout): its recorded name may exist in Evolution. */
    record TakenOver(InstanceName name) implements Claim {
        @Override
        public <R> R match(Function<Fresh, R> fresh, Function<TakenOver, R> takenOver, Supplier<R> busy) {
            return takenOver.apply(this);
        }
    }

    /** Someone else is creating right now, or created meanwhile: wait for it. */
    record Busy() implements Claim {
        @Override
        public <R> R match(Function<Fresh, R> fresh, Function<TakenOver, R> takenOver, Supplier<R> busy) {
            return busy.get();
        }
    }
}
