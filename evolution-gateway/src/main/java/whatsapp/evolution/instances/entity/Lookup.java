package whatsapp.evolution.instances.entity;

import java.util.function.Function;

/** What Evolution said about one instance name. Only {@link Missing} means "Evolution does not have it". */
public sealed interface Lookup {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Found, R> found, Function<Missing, R> missing, Function<Unavailable, R> unavailable);

    record Found(EvolutionInstance instance) implements Lookup {
        @Override
        public <R> R match(Function<Found, R> found, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return found.apply(this);
        }
    }

    /** Evolution's own 404 for this very name, answered while our API key was proven to work. */
    record Missing(String name) implements Lookup {
        @Override
        public <R> R match(Function<Found, R> found, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return missing.apply(this);
        }
    }

    /** Nothing is known: unreachable, misconfigured, rejected key, unexpected answer. Change nothing. */
    record Unavailable(String reason) implements Lookup {
        @Override
        public <R> R match(Function<Found, R> found, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
