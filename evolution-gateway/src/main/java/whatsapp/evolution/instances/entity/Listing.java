package whatsapp.evolution.instances.entity;

import java.util.function.Function;

import java.time.Instant;
import java.util.List;

/** The fleet as Evolution's database lists it (one fetchInstances call, read by {@code FleetListing}). */
public sealed interface Listing {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Listed, R> listed, Function<Unavailable, R> unavailable);

    record Listed(List<EvolutionInstance> instances, Instant at) implements Listing {
        @Override
        public <R> R match(Function<Listed, R> listed, Function<Unavailable, R> unavailable) {
            return listed.apply(this);
        }

        public Listed {
            instances = List.copyOf(instances);
        }
    }

    record Unavailable(String reason) implements Listing {
        @Override
        public <R> R match(Function<Listed, R> listed, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
