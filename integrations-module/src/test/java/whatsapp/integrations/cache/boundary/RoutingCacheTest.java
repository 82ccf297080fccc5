package whatsapp.integrations.cache.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.cache.entity.RoutingEntry;

class RoutingCacheTest {

    @Test
    void anEntryWrittenForARowThatWentDeletingMeanwhileIsTakenBack() {
        var written = List.of(entry("clinic-a-1"), entry("clinic-b-2"), entry("clinic-c-3"));

        assertThat(RoutingCache.gone(written, Set.of("clinic-a-1", "clinic-c-3", "clinic-d-4"))).containsExactly("clinic-b-2");
        assertThat(RoutingCache.gone(written, Set.of("clinic-a-1", "clinic-b-2", "clinic-c-3"))).isEmpty();
    }

    static RoutingEntry entry(String name) {
        return new RoutingEntry("org", UUID.randomUUID(), name, Status.connected);
    }
}
