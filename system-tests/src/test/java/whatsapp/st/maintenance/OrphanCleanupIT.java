package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.instance;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** Ownership, grace, the retirement path, audit, dry runs, the empty-listing and maximum guards, run history. */
class OrphanCleanupIT extends FleetTests {

    static final String FOREIGN = "someone-else-" + OLD.toEpochMilli();

    String orphanInstance;
    String youngInstance;
    UUID healthyRow;
    UUID orphanRow;
    String orphanRowInstance;
    UUID youngRow;

    @BeforeEach
    void seed() {
        healthyRow = Fleet.healthy("org-healthy");
        orphanInstance = name("org-left-behind", OLD);
        var now = Instant.now();
        youngInstance = name("org-creating", now);
        evolution().seed(instance(orphanInstance, OLD), instance(youngInstance, now),
                SeedInstance.named(FOREIGN).status("open").createdAt(OLD));
        orphanRowInstance = name("org-gone", OLD);
        orphanRow = Fleet.row("org-gone", orphanRowInstance, OLD);
        youngRow = Fleet.row("org-new", name("org-new", now), now);
    }

    @Test
    void checkReportsOrphansInTheContractShapeAndChangesNothing() {
        var answer = Fleet.check();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var report = answer.json();
        assertThat(report.getBoolean("success")).isTrue();
        assertThat(report.getInt("evolution_instances")).isEqualTo(4);
        assertThat(report.getInt("db_records")).isEqualTo(3);
        assertThat(report.getJsonArray("orphaned_evolution_instances").getValuesAs(JsonString::getString))
                .containsExactly(orphanInstance);
        var record = report.getJsonArray("orphaned_db_records").getJsonObject(0);
        assertThat(report.getJsonArray("orphaned_db_records")).hasSize(1);
        assertThat(record.getString("id")).isEqualTo(orphanRow.toString());
        assertThat(record.getString("instance_name")).isEqualTo(orphanRowInstance);
        assertThat(record.getString("organization_id")).isEqualTo("org-gone");
        assertThat(record.getString("status")).isEqualTo("connected");
        assertThat(report.getJsonArray("duplicate_numbers")).isEmpty();
        assertThat(report.getJsonObject("counts").getInt("owned_evolution_instances")).isEqualTo(3);
        assertThat(report.getBoolean("would_abort")).isFalse();

        assertThat(evolution().instances()).hasSize(4);
        assertThat(Fleet.rowExists(orphanRow)).isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout")).isZero();
    }

    @Test
    void cleanupDeletesOurOldOrphansOnlyAndLeavesOthersAndYoungOnesAlone() {
        var cacheKey = "whatsapp:instance:" + orphanRowInstance;
        Fleet.redisSet(cacheKey, "{\"status\":\"connected\"}");

        try (var events = Events.subscribe()) {
            var answer = Fleet.cleanup();

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().getBoolean("success")).isTrue();
            var summary = Fleet.summary(answer);
            assertThat(summary.getString("triggered_by")).isEqualTo("alice");
            assertThat(summary.getBoolean("aborted")).isFalse();
            assertThat(summary.isNull("abort_reason")).isTrue();
            assertThat(summary.getString("started_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(summary.getJsonNumber("duration_seconds").doubleValue()).isGreaterThanOrEqualTo(0);
            assertTally(summary.getJsonObject("orphaned_evolution_instances"), 1, 1, 0, 0);
            assertTally(summary.getJsonObject("orphaned_db_records"), 1, 1, 0, 0);

            assertThat(evolution().instance(orphanInstance)).isEmpty();
            assertThat(evolution().instance(FOREIGN)).as("someone else's instance").isPresent();
            assertThat(evolution().instance(youngInstance)).as("a create in flight").isPresent();
            assertThat(evolution().instances()).hasSize(3);
            assertThat(Fleet.rowExists(orphanRow)).isFalse();
            assertThat(Fleet.rowExists(youngRow)).as("a row being created").isTrue();
            assertThat(Fleet.rowExists(healthyRow)).isTrue();

            assertThat(Fleet.audited("instance.deleted", orphanInstance)).isEqualTo(1);
            assertThat(Fleet.audited("instance.deleted", orphanRowInstance)).isEqualTo(1);
            assertThat(Fleet.published(events, "instance.removed", orphanRowInstance)).isEqualTo(1);
            assertThat(Fleet.redisExists(cacheKey)).as("cache entry invalidated").isFalse();

            var run = Fleet.latestRun();
            assertThat(run.getString("outcome")).isEqualTo("completed");
            assertThat(run.getString("triggered_by")).isEqualTo("alice");
            assertThat(run.getJsonObject("summary").getString("run_id")).isEqualTo(summary.getString("run_id"));
            assertTally(run.getJsonObject("summary").getJsonObject("orphaned_db_records"), 1, 1, 0, 0);
        }
    }

    @Test
    void dryRunSaysWhatItWouldDoAndDoesNothing() {
        var runsBefore = runs();

        var answer = Fleet.dryRun();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var summary = Fleet.summary(answer);
        assertThat(summary.getBoolean("dry_run")).isTrue();
        var instances = summary.getJsonObject("orphaned_evolution_instances");
        assertTally(instances, 1, 0, 0, 0);
        assertThat(instances.getInt("would_delete")).isEqualTo(1);
        assertThat(summary.getJsonObject("orphaned_db_records").getInt("would_delete")).isEqualTo(1);
        assertThat(evolution().instances()).hasSize(4);
        assertThat(Fleet.rowExists(orphanRow)).isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout")).isZero();
        assertThat(runs()).as("a dry run leaves no history").isEqualTo(runsBefore);
    }

    /**
     * dry_run is exactly true or false: 1, yes, the empty value, TRUE ... are a 400 naming it, and nothing is deleted
     * (before, everything but "true" ran a real cleanup).
     */
    @Test
    void aDryRunFlagThatIsNotTrueOrFalseIsA400AndDeletesNothing() {
        var runsBefore = runs();
        for (String value : new String[]{"1", "yes", "", "TRUE", "True", "0", "no", "on", "true%20"}) {
            var answer = Http.post(Service.maintenance("/cleanup-orphaned-instances?dry_run=" + value), Service.admin(), null, "");

            assertThat(answer.status()).as("dry_run=" + value + " " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            var error = answer.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("field")).isEqualTo("dry_run");
            assertThat(error.getString("message")).isEqualTo("must be true or false");
        }
        assertThat(evolution().instance(orphanInstance)).as("the orphan instance").isPresent();
        assertThat(evolution().instances()).hasSize(4);
        assertThat(Fleet.rowExists(orphanRow)).as("the orphan row").isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout")).isZero();
        assertThat(runs()).as("no run started").isEqualTo(runsBefore);

        var real = Http.post(Service.maintenance("/cleanup-orphaned-instances?dry_run=false"), Service.admin(), null, "");
        assertThat(real.status()).as(real.body()).isEqualTo(200);
        assertThat(Fleet.summary(real).getBoolean("dry_run")).isFalse();
        assertThat(evolution().instance(orphanInstance)).as("dry_run=false is a real cleanup").isEmpty();
    }

    @Test
    void anEmptyListingWhileEnabledRowsExistAbortsWithoutDeleting() {
        evolution().inject(Fault.emptyList("fetchInstances"));

        var answer = Fleet.cleanup();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var summary = Fleet.summary(answer);
        assertThat(answer.json().getBoolean("success")).isFalse();
        assertThat(summary.getBoolean("aborted")).isTrue();
        assertThat(summary.getString("abort_reason")).contains("none of our instances", "3 enabled");
        assertThat(Fleet.rowExists(orphanRow)).isTrue();
        assertThat(Fleet.rowExists(healthyRow)).isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout")).isZero();
        assertThat(Fleet.latestRun().getString("outcome")).isEqualTo("aborted");
        assertThat(Fleet.check().json().getBoolean("would_abort")).isTrue();
    }

    @Test
    void moreCandidatesThanTheMaximumAbortWithTheCount() {
        for (int i = 0; i < 5; i++) evolution().seed(instance(name("org-many-" + i, OLD), OLD));   // 5 + 1 + 1 row = 7 > 5

        var answer = Fleet.cleanup();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var summary = Fleet.summary(answer);
        assertThat(summary.getBoolean("aborted")).isTrue();
        assertThat(summary.getString("abort_reason")).contains("7 orphan candidates", "maximum of 5");
        assertTally(summary.getJsonObject("orphaned_evolution_instances"), 6, 0, 0, 6);
        assertThat(evolution().instances()).hasSize(9);
        assertThat(Fleet.rowExists(orphanRow)).isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout") + evolution().calls("connectionState")).isZero();
        assertThat(Fleet.latestRun().getString("outcome")).isEqualTo("aborted");
    }

    static void assertTally(JsonObject tally, int found, int deleted, int failed, int skipped) {
        assertThat(tally.getInt("found")).as("found in " + tally).isEqualTo(found);
        assertThat(tally.getInt("deleted")).as("deleted in " + tally).isEqualTo(deleted);
        assertThat(tally.getInt("failed")).as("failed in " + tally).isEqualTo(failed);
        assertThat(tally.getInt("skipped")).as("skipped in " + tally).isEqualTo(skipped);
    }

    static int runs() {
        return Http.get(Service.maintenance("/runs?type=cleanup&limit=500"), Service.admin()).json().getJsonArray("runs").size();
    }
}
