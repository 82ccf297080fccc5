package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;
import static whatsapp.st.maintenance.OrphanCleanupIT.assertTally;

import jakarta.json.JsonString;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.SeedInstance;

/**
 * Evolution 1.8's listing ({@code [{"instance": {...}}]}, no createdAt, {@code owner}) is understood: ages come
 * from the epoch millis in our instance names, numbers from {@code owner}.
 */
class OrphanV18IT extends FleetTests {

    @BeforeEach
    void seed() {
        evolution().useVersion(ApiVersion.V1_8);
    }

    /** The simulator imitates 2.3.6 again: a test after this one on the same stack creates with 2.3's webhook shape. */
    @org.junit.jupiter.api.AfterEach
    void evolutionTwoThreeAgain() {
        evolution().useVersion(ApiVersion.V2);
    }

    @Test
    void orphansAndDuplicatesAreFoundAndCleanedInTheV18Shape() {
        var healthy = Fleet.healthy("org-healthy");
        var orphan = name("org-left-behind", OLD);
        var young = name("org-creating", Instant.now());
        var paired = name("org-paired", OLD);
        var twin = name("org-twin", OLD);
        evolution().seed(SeedInstance.named(orphan).status("close"), SeedInstance.named(young).status("close"),
                SeedInstance.named(paired).status("open").ownerJid("5511777770000@s.whatsapp.net"),
                SeedInstance.named(twin).status("open").ownerJid("5511777770000@s.whatsapp.net"));
        Fleet.row("org-paired", paired, OLD);
        var goneRow = Fleet.row("org-gone", name("org-gone", OLD), OLD);

        var report = Fleet.check().json();

        assertThat(report.getInt("evolution_instances")).isEqualTo(5);
        assertThat(report.getJsonArray("orphaned_evolution_instances").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder(orphan, twin);
        assertThat(report.getJsonArray("orphaned_db_records")).hasSize(1);
        assertThat(report.getJsonArray("duplicate_numbers").getJsonObject(0).getString("phone_number"))
                .isEqualTo("5511777770000");

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_evolution_instances"), 2, 2, 0, 0);
        assertTally(summary.getJsonObject("orphaned_db_records"), 1, 1, 0, 0);
        assertThat(evolution().instance(orphan)).isEmpty();
        assertThat(evolution().instance(twin)).isEmpty();
        assertThat(evolution().instance(young)).isPresent();
        assertThat(evolution().instance(paired)).isPresent();
        assertThat(Fleet.rowExists(goneRow)).isFalse();
        assertThat(Fleet.rowExists(healthy)).isTrue();
    }
}
