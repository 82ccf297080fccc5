package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;
import static whatsapp.st.maintenance.OrphanCleanupIT.assertTally;

import jakarta.json.JsonString;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Events;

/**
 * Two or more open instances paired with one number: reported, an instance.duplicate_number event and an
 * alert; the instance a row references is kept, the others go through the same guards as any orphan.
 */
class OrphanDuplicateNumbersIT extends FleetTests {

    /** A number alert is about the number: each test pairs one no other test does. */
    final String NUMBER = Alerts.uniqueNumber();

    String kept;
    String duplicate;
    String closedWithStickyOwner;
    UUID row;

    @BeforeEach
    void seed() {
        kept = name("org-dup", OLD);
        duplicate = name("org-dup", OLD.plusSeconds(60));
        closedWithStickyOwner = name("org-dup", OLD.minusSeconds(60));
        evolution().seed(
                SeedInstance.named(kept).status("open").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(duplicate).status("open").ownerJid(NUMBER + ":3@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(closedWithStickyOwner).status("close").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD));
        row = Fleet.row("org-dup", kept, OLD);
    }

    @Test
    void checkReportsOpenInstancesSharingANumber() {
        try (var events = Events.subscribe()) {
            var report = Fleet.check().json();

            var duplicates = report.getJsonArray("duplicate_numbers");
            assertThat(duplicates).hasSize(1);
            assertThat(duplicates.getJsonObject(0).getString("phone_number")).isEqualTo(NUMBER);
            assertThat(duplicates.getJsonObject(0).getJsonArray("instances").getValuesAs(JsonString::getString))
                    .as("the closed instance's owner is history").containsExactlyInAnyOrder(kept, duplicate);
            assertThat(duplicates.getJsonObject(0).getJsonArray("kept").getValuesAs(JsonString::getString)).containsExactly(kept);
            assertThat(Fleet.published(events, "instance.duplicate_number", kept)).as("a check publishes nothing").isZero();
        }
    }

    @Test
    void cleanupReportsAlertsAndKeepsTheReferencedInstance() {
        try (var receiver = AlertReceiver.start(); var events = Events.subscribe()) {
            var answer = Fleet.cleanup();

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var summary = Fleet.summary(answer);
            assertThat(summary.getJsonArray("duplicate_numbers")).hasSize(1);
            assertThat(Fleet.published(events, "instance.duplicate_number", kept)).isEqualTo(1);
            var alert = receiver.await(kept, "raised", Duration.ofSeconds(10));
            assertThat(receiver.settled().notices(kept, "raised")).hasSize(1);
            assertThat(alert.getString("type")).isEqualTo("instance.duplicate_number");
            assertThat(alert.getString("phone_number")).isEqualTo(NUMBER);
            assertThat(alert.getJsonArray("instances").getValuesAs(JsonString::getString))
                    .containsExactlyInAnyOrder(kept, duplicate);

            assertThat(evolution().instance(kept)).isPresent();
            assertThat(Fleet.rowExists(row)).isTrue();
            assertThat(evolution().instance(duplicate)).as("unreferenced duplicate is an orphan").isEmpty();
            assertTally(summary.getJsonObject("orphaned_evolution_instances"), 2, 2, 0, 0);
        }
    }

    @Test
    void anUnreachableAlertReceiverNeverFailsTheRun() {
        var answer = Fleet.cleanup();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Fleet.summary(answer).getJsonArray("duplicate_numbers")).hasSize(1);
        assertThat(Fleet.latestRun().getString("outcome")).isEqualTo("completed");
    }
}
