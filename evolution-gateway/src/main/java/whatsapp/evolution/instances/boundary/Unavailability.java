package whatsapp.evolution.instances.boundary;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Removal;

/** Turns whatever failed inside {@link GuardedEvolution} back into that call's Unavailable answer. */
final class Unavailability {

    private Unavailability() {
    }

    static Object original(ExecutionContext context) {
        return context.getFailure() instanceof EvolutionDown down ? down.answer : null;
    }

    static String reason(ExecutionContext context) {
        Throwable failure = context.getFailure();
        if (failure instanceof CircuitBreakerOpenException) return "circuit open after repeated failures";
        if (failure instanceof TimeoutException) return "no answer within the time budget";
        return failure == null ? "unknown" : failure.getClass().getSimpleName();
    }

    @Dependent
    public static class OfLookup implements FallbackHandler<Lookup> {
        @Override
        public Lookup handle(ExecutionContext context) {
            return original(context) instanceof Lookup answer ? answer : new Lookup.Unavailable(reason(context));
        }
    }

    @Dependent
    public static class OfCreation implements FallbackHandler<Creation> {
        @Override
        public Creation handle(ExecutionContext context) {
            return original(context) instanceof Creation answer ? answer : new Creation.Unavailable(reason(context));
        }
    }

    @Dependent
    public static class OfRemoval implements FallbackHandler<Removal> {
        @Override
        public Removal handle(ExecutionContext context) {
            return original(context) instanceof Removal answer ? answer : new Removal.Unavailable(reason(context));
        }
    }

    @Dependent
    public static class OfPairing implements FallbackHandler<Pairing> {
        @Override
        public Pairing handle(ExecutionContext context) {
            return original(context) instanceof Pairing answer ? answer : new Pairing.Unavailable(reason(context));
        }
    }
}
