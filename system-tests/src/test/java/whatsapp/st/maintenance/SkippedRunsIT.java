package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;

/**
 * A run that finds the lease taken is recorded as skipped, but skips since the last real run are one row that
 * counts them: a schedule on a node that keeps losing the lease (or an operator retrying) adds no row per attempt.
 */
class SkippedRunsIT extends FleetTests {

    @Test
    void skipsWhileOneSweepRunsCollapseIntoOneRowThatCountsThem() throws Exception {
        Fleet.healthy("org-skips");
        Instant since = Instant.now().minusSeconds(1);   // earlier classes' skips are not this test's
        evolution().inject(Fault.latency("fetchInstances", Duration.ofSeconds(4)));
        var running = CompletableFuture.supplyAsync(Health::sweep);
        Poll.until(() -> "running".equals(runs(1).get(0).getString("outcome")), Duration.ofSeconds(5), "the sweep running");

        for (int i = 0; i < 3; i++) assertThat(Health.sweep().status()).isEqualTo(409);

        assertThat(running.get().status()).isEqualTo(200);
        evolution().clearFaults();
        var skipped = runs(20).stream().filter(r -> r.getString("outcome").equals("skipped"))
                .filter(r -> Instant.parse(r.getString("started_at")).isAfter(since)).toList();
        assertThat(skipped).as("three skips in a row: one row").hasSize(1);
        assertThat(skipped.get(0).getJsonObject("summary").getInt("skips")).isEqualTo(3);
        assertThat(skipped.get(0).getJsonObject("summary").getString("reason")).contains("in progress");
        assertThat(skipped.get(0).getString("completed_at")).as("the last skip")
                .isGreaterThan(skipped.get(0).getString("started_at"));

        assertThat(Health.sweep().status()).isEqualTo(200);
        evolution().inject(Fault.latency("fetchInstances", Duration.ofSeconds(4)));
        var next = CompletableFuture.supplyAsync(Health::sweep);
        Poll.until(() -> "running".equals(runs(1).get(0).getString("outcome")), Duration.ofSeconds(5), "the next sweep running");
        assertThat(Health.sweep().status()).isEqualTo(409);
        assertThat(next.get().status()).isEqualTo(200);
        evolution().clearFaults();

        var outcomes = runs(20).stream().map(r -> r.getString("outcome")).toList();
        assertThat(outcomes).as("a skip after a real run starts a row of its own; newest first")
                .startsWith("skipped", "completed", "completed", "skipped", "completed");
        assertThat(runs(20).stream().filter(r -> r.getString("outcome").equals("skipped")).toList().get(0)
                .getJsonObject("summary").getInt("skips")).isOne();
    }

    static List<JsonObject> runs(int limit) {
        return Http.get(Service.maintenance("/runs?type=health&limit=" + limit), Service.admin()).json()
                .getJsonArray("runs").getValuesAs(JsonObject.class);
    }
}
