package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Poll;

/**
 * Two integrations paired with one number stay so until someone acts, and the cleanup runs every hour: the
 * {@code instance.duplicate_number} events and audit entries go out once per number and set of instances, again only
 * when the set changes or after the cooldown (a day).
 */
class DuplicateNumberRepeatIT extends FleetTests {

    final String NUMBER = Alerts.uniqueNumber();

    String first;
    String second;

    @BeforeEach
    void seed() {
        first = name("org-dup-a", OLD);
        second = name("org-dup-b", OLD);
        evolution().seed(
                SeedInstance.named(first).status("open").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(second).status("open").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD));
        Fleet.row("org-dup-a", first, OLD);
        Fleet.row("org-dup-b", second, OLD);
    }

    @Test
    void theSameDuplicateIsReportedOnceWithinTheCooldownAndAgainAfterIt() {
        try (var events = Events.subscribe()) {
            for (int run = 0; run < 3; run++) {
                var answer = Fleet.cleanup();
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(Fleet.summary(answer).getJsonArray("duplicate_numbers")).as("still reported in the summary").hasSize(1);
            }
            assertThat(Fleet.published(events, "instance.duplicate_number", first)).as("three hourly runs: one event").isOne();
            assertThat(Fleet.published(events, "instance.duplicate_number", second)).isOne();
            assertThat(Fleet.audited("duplicate_number.detected", first)).isOne();

            Database.duplicateNumberReportedHoursAgo(NUMBER, 25);
            assertThat(Fleet.cleanup().status()).isEqualTo(200);

            Poll.until(() -> Fleet.published(events, "instance.duplicate_number", first) == 2, Duration.ofSeconds(10),
                    "after the cooldown: reported again");
            assertThat(Fleet.audited("duplicate_number.detected", first)).isEqualTo(2);
        }
    }

    @Test
    void aChangedSetOfInstancesIsReportedAtOnce() {
        try (var events = Events.subscribe()) {
            assertThat(Fleet.cleanup().status()).isEqualTo(200);
            var third = name("org-dup-c", OLD);
            evolution().seed(SeedInstance.named(third).status("open").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD));
            Fleet.row("org-dup-c", third, OLD);

            assertThat(Fleet.cleanup().status()).isEqualTo(200);

            Poll.until(() -> Fleet.published(events, "instance.duplicate_number", first) == 2, Duration.ofSeconds(10),
                    "a third instance joined: reported again");
            assertThat(Fleet.published(events, "instance.duplicate_number", third)).isOne();
        }
    }
}
