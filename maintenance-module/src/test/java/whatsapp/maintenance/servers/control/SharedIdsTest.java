package whatsapp.maintenance.servers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.maintenance.servers.entity.ServerListing;

class SharedIdsTest {

    static EvolutionInstance instance(String name, String id) {
        return new EvolutionInstance(name, id, ConnectionState.open, null, null, null, null, null);
    }

    static ServerListing listed(String server, EvolutionInstance... instances) {
        return new ServerListing(server, true, new Listing.Listed(List.of(instances), java.time.Instant.now()), Duration.ZERO);
    }

    @Test
    void serversListingTheSameIdShareADatabase() {
        var overlaps = SharedIds.of(List.of(
                listed("a", instance("clinic-1", "id-1"), instance("clinic-2", "id-2")),
                listed("b", instance("clinic-3", "id-3"), instance("clinic-1", "id-1"), instance("clinic-2", "id-2")),
                listed("c", instance("clinic-4", "id-4"))));

        assertThat(overlaps).hasSize(1);
        var overlap = overlaps.get(0);
        assertThat(overlap.servers()).containsExactly("a", "b");
        assertThat(overlap.shared()).isEqualTo(2);
        assertThat(overlap.example()).isEqualTo("clinic-1");
        assertThat(overlap.key()).isEqualTo("a+b");
        assertThat(overlap.reason("b")).isEqualTo("shares its database with a (2 instance ids listed by both, e.g. clinic-1)");
    }

    @Test
    void sameNamesWithOtherIdsUnlistedServersAndMissingIdsAreNoOverlap() {
        assertThat(SharedIds.of(List.of(
                listed("a", instance("clinic-1", "id-1"), instance("clinic-2", null)),
                listed("b", instance("clinic-1", "id-9"), instance("clinic-2", null)),
                new ServerListing("c", true, new Listing.Unavailable("down"), Duration.ZERO)))).isEmpty();
    }
}
