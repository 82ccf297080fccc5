package whatsapp.integrations.lifecycle.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateNumberTextTest {

    @Test
    void oneServerReadsAsBefore() {
        assertThat(OrphanInstances.pairedWith(List.of("clinic-a", "clinic-b"), List.of("default", "default")))
                .isEqualTo("clinic-a, clinic-b");
        assertThat(OrphanInstances.pairedWith(List.of("clinic-a", "clinic-b"), List.of())).isEqualTo("clinic-a, clinic-b");
    }

    @Test
    void twoServersAreNamed() {
        assertThat(OrphanInstances.pairedWith(List.of("clinic-a", "clinic-b"), List.of("a", "b")))
                .isEqualTo("clinic-a (server a), clinic-b (server b)");
    }
}
