package whatsapp.evolution.instances.entity;

import java.time.Instant;
import java.util.List;

/** The fleet as Evolution's database lists it (one fetchInstances call, read by {@code FleetListing}). */
public sealed interface Listing {

    record Listed(List<EvolutionInstance> instances, Instant at) implements Listing {
        public Listed {
            instances = List.copyOf(instances);
        }
    }

    record Unavailable(String reason) implements Listing {
    }
}
