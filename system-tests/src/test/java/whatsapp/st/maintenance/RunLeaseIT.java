package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * A run's lease is renewed while it works (every {@code RUN_LOCK_RENEW_SECONDS}, 1 s in the tests; lease two
 * periods): a run longer than the lease keeps it, and a node killed in the middle of a run frees it within two
 * periods; its run reads failed (abandoned) instead of running forever.
 */
class RunLeaseIT extends FleetTests {

    static final Duration LEASE = Duration.ofSeconds(2);

    @BeforeEach
    void seed() {
        Fleet.healthy("org-lease");
        evolution().resetCalls();
    }

    @Test
    void aRunLongerThanItsLeaseKeepsIt() throws Exception {
        evolution().inject(Fault.hang("fetchInstances"));   // the listing gives up after 5 s in the tests
        try {
            var first = CompletableFuture.supplyAsync(Health::sweep);
            Poll.until(() -> evolution().calls("fetchInstances") >= 1, Duration.ofSeconds(10), "the sweep listing");
            Poll.pause(LEASE.toMillis() + 1500);
            var second = Health.sweep();
            assertThat(second.status()).as("the first sweep still holds its renewed lease").isEqualTo(409);
            evolution().clearFaults();
            assertThat(first.get().status()).isIn(200, 503);
        } finally {
            evolution().clearFaults();
        }
        assertThat(Health.sweep().status()).as("released at the end").isEqualTo(200);
    }

    @Test
    void aNodeKilledMidRunFreesTheLeaseAndItsRunReadsAbandoned() throws Exception {
        var stack = Stack.get();
        evolution().inject(Fault.hang("fetchInstances"));
        Instant killedAt;
        try {
            CompletableFuture.runAsync(Health::sweep);
            Poll.until(() -> evolution().calls("fetchInstances") >= 1, Duration.ofSeconds(10), "the sweep listing");
            stack.server().kill();
            killedAt = Instant.now();
        } finally {
            evolution().clearFaults();
        }
        stack.server().start(Duration.ofSeconds(180));
        var restartedIn = Duration.between(killedAt, Instant.now());

        var next = Health.sweep();
        assertThat(next.status()).as("the next sweep is accepted (" + restartedIn.toSeconds() + " s after the kill)").isEqualTo(200);
        List<JsonObject> runs = Http.get(Service.maintenance("/runs?type=health&limit=5"), Service.admin()).json()
                .getJsonArray("runs").getValuesAs(JsonObject.class);
        assertThat(runs).as("no run left running").noneMatch(run -> run.getString("outcome").equals("running"));
        assertThat(runs).as("the killed node's run").anySatisfy(run -> {
            assertThat(run.getString("outcome")).isEqualTo("failed");
            assertThat(run.getJsonObject("summary").getString("reason")).isEqualTo("abandoned");
            assertThat(Instant.parse(run.getString("started_at"))).isBefore(killedAt);
        });
    }
}
