package whatsapp.maintenance.alerts.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubjectTest {

    @Test
    void windowSummariesAndSharedDatabasesHaveSubjectsOfTheirOwn() {
        var id = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        var summary = Subject.windowSummary(id, List.of("clinic-1"), "1 gone, 0 recreated");
        assertThat(summary.key()).isEqualTo("window:7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(summary.detail()).isEqualTo("maintenance window 7c9e6679-7425-40de-944b-e07fc1f90ae7: 1 gone, 0 recreated");

        var shared = Subject.sharedDatabase(List.of("b", "a"), "clinic-1");
        assertThat(shared.key()).isEqualTo("servers:a+b").isEqualTo(Subject.sharedDatabaseKey(List.of("a", "b")));
        assertThat(shared.detail()).isEqualTo("shared database: b and a");
    }
}
