package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * A create that timed out at Evolution may still be under way there: the claim stays for Evolution's worst-case create
 * time, so that the next request adopts the instance instead of creating it a second time; and a creator whose claim
 * was taken over never records a row of its own.
 */
class CreateTakeoverIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
    }

    @Test
    void aRequestWaitingBehindATimedOutCreateAdoptsTheInstanceInsteadOfCreatingItAgain() throws Exception {
        evolution.resetCalls();
        // Evolution takes 4 s to create: our client gives up after 2 s (EVOLUTION_READ_TIMEOUT_MS), Evolution goes on
        evolution.inject(Fault.latency("create", Duration.ofSeconds(4)).times(1));
        var first = CompletableFuture.supplyAsync(() -> Integrations.create("org-takeover-1", Service.admin()));
        Poll.until(() -> evolution.calls("create") == 1, Duration.ofSeconds(10), "the first create reaching Evolution");
        var second = CompletableFuture.supplyAsync(() -> Integrations.create("org-takeover-1", Service.admin()));

        assertThat(first.get().status()).as(first.get().body()).isEqualTo(503);
        Http.Answer waited = second.get();
        assertThat(waited.status()).as(waited.body()).isIn(200, 201);
        assertThat(evolution.calls("create")).as("Evolution is asked to create the instance once").isEqualTo(1);
        var instances = evolution.instances().stream().filter(i -> i.name().startsWith("clinic-org-takeover-1-")).toList();
        assertThat(instances).hasSize(1);
        assertThat(waited.json().getJsonObject("integration").getString("instance_name")).isEqualTo(instances.get(0).name());
        assertThat(Integrations.of("org-takeover-1")).hasSize(1);
        assertThat(Database.claimsOf("org-takeover-1")).isZero();
    }

    @Test
    void aCreatorWhoseClaimWasTakenOverRecordsNoRowOfItsOwn() throws Exception {
        evolution.resetCalls();
        evolution.inject(Fault.latency("create", Duration.ofMillis(1500)).times(1));
        var creator = CompletableFuture.supplyAsync(() -> Integrations.create("org-takeover-2", Service.admin()));
        Poll.until(() -> evolution.calls("create") == 1, Duration.ofSeconds(10), "the create reaching Evolution");
        String name = Database.claimTakenOverByAnotherNode("org-takeover-2", 5);
        assertThat(name).startsWith("clinic-org-takeover-2-");

        Poll.pause(2500); // Evolution answered the create a second ago
        assertThat(Integrations.of("org-takeover-2")).as("no row while another node holds the claim").isEmpty();
        assertThat(Database.claimsOf("org-takeover-2")).isEqualTo(1);

        // once the other node's claim has run out, the instance the creator made is adopted, never made again
        var answer = creator.get();
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        assertThat(answer.json().getJsonObject("integration").getString("instance_name")).isEqualTo(name);
        assertThat(evolution.calls("create")).isEqualTo(1);
        assertThat(Integrations.of("org-takeover-2")).hasSize(1);
    }
}
