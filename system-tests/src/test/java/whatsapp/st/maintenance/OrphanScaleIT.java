package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.instance;
import static whatsapp.st.maintenance.Fleet.name;
import static whatsapp.st.maintenance.OrphanCleanupIT.assertTally;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;

/** A cleanup over 10,000 instances and 10,000 rows: one listing, one query, hash maps; prints the figure. */
class OrphanScaleIT extends FleetTests {

    static final int FLEET = 10_000;

    @AfterEach
    void removeTheFleet() {
        Database.removeFleet("org-scale");   // before the clean slate, which would delete them one request at a time
    }

    @Test
    void tenThousandInstancesAndRowsAreReconciledInAboutASecond() {
        var millis = OLD.toEpochMilli();
        Database.fleetCreatedHoursAgo("org-scale", FLEET, millis, false);
        var seeds = new ArrayList<SeedInstance>(FLEET + 3);
        for (int i = 1; i <= FLEET; i++) {
            var open = i % 3 == 0;   // a third paired, each with its own number: no duplicates
            seeds.add(SeedInstance.named("clinic-org-scale-" + i + "-" + millis).status(open ? "open" : "close")
                    .ownerJid(open ? "55119" + (10_000_000 + i) + "@s.whatsapp.net" : null).createdAt(OLD));
        }
        for (int i = 1; i <= 3; i++) seeds.add(instance(name("org-orphan-" + i, OLD), OLD));
        evolution().seed(seeds);
        Fleet.row("org-gone-1", name("org-gone-1", OLD), OLD);
        Fleet.row("org-gone-2", name("org-gone-2", OLD), OLD);

        var checkStart = System.nanoTime();
        var check = Fleet.check();
        var checkMillis = Duration.ofNanos(System.nanoTime() - checkStart).toMillis();
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().getJsonObject("counts").getInt("orphaned_evolution_instances")).isEqualTo(3);

        long start = System.nanoTime();
        var answer = Fleet.cleanup();
        var elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var summary = Fleet.summary(answer);
        System.out.printf("ORPHAN CLEANUP over %,d instances and %,d rows: check %d ms, cleanup %d ms "
                        + "(server-side %s s, 5 rechecks and deletions included)%n",
                summary.getInt("evolution_instances"), FLEET + 2, checkMillis, elapsed.toMillis(),
                summary.getJsonNumber("duration_seconds"));
        assertTally(summary.getJsonObject("orphaned_evolution_instances"), 3, 3, 0, 0);
        assertTally(summary.getJsonObject("orphaned_db_records"), 2, 2, 0, 0);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
    }
}
