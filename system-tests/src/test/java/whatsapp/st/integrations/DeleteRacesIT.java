package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;

/** Deletions racing each other, and the background retry working one pending deletion at a time. */
class DeleteRacesIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
    }

    @Test
    void aDeleteThatFailsAfterAnotherFinishedTheDeletionAnswersNoServerError() throws Exception {
        var integration = Integrations.createFor("org-delete-race-1");
        String id = integration.getString("id");
        evolution.resetCalls();
        // the first DELETE's instance deletion is slow but succeeds ...
        evolution.inject(Fault.latency("delete", Duration.ofMillis(1000)).times(1));
        var first = CompletableFuture.supplyAsync(() -> Integrations.delete(id));
        Poll.until(() -> evolution.calls("delete") == 1, Duration.ofSeconds(10), "the first DELETE reaching Evolution");
        // ... the second one's fails (twice: an idempotent call is tried again) after the first has finished
        evolution.inject(Fault.latency("delete", Duration.ofMillis(2000)).times(2));
        evolution.inject(Fault.status("delete", 503).times(2));
        var second = CompletableFuture.supplyAsync(() -> Integrations.delete(id));

        assertThat(first.get().status()).as(first.get().body()).isEqualTo(204);
        Http.Answer raced = second.get();
        assertThat(raced.status()).as(raced.body()).isIn(202, 204, 404);
        assertThat(Integrations.find(id).status()).isEqualTo(404);
    }

    @Test
    void concurrentDeletesAnswer204Or202Or404Only() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = Integrations.createFor("org-delete-race-2").getString("id");
            var answers = new ArrayList<CompletableFuture<Http.Answer>>();
            for (int i = 0; i < 8; i++) answers.add(CompletableFuture.supplyAsync(() -> Integrations.delete(id)));
            for (var answer : answers) assertThat(answer.get().status()).as(answer.get().body()).isIn(202, 204, 404);
            Poll.until(() -> Integrations.find(id).status() == 404, Duration.ofSeconds(60), "the deletion");
        }
    }

    /**
     * Ten deletions that Evolution's absence left pending become due at once while each takes ~4 s at Evolution (logout
     * and delete 1.8 s each). Acting as a second node, the test leases every due deletion that no node holds: the
     * server must never work one of those, which it would if it had leased them all at once for 30 s (~40 s of work).
     */
    @Test
    void theRetryLeasesOnePendingDeletionAtATime() {
        String prefix = "org-delete-lease-";
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10; i++) ids.add(Integrations.createFor(prefix + i).getString("id"));
        evolution.inject(Fault.status("*", 503));
        for (var id : ids) assertThat(Integrations.delete(id).status()).isEqualTo(202);
        evolution.clearFaults();
        evolution.resetCalls();
        evolution.inject(Fault.latency("logout", Duration.ofMillis(1800)));
        evolution.inject(Fault.latency("delete", Duration.ofMillis(1800)));
        Database.deletionsDueNow(prefix);
        try {
            // the server's retry (every 5 s) takes its first deletion
            Poll.until(() -> ids.stream().anyMatch(id -> !Database.integrationRowExists(id)) || evolution.calls("logout") > 0,
                    Duration.ofSeconds(15), "the retry starting");
            Set<String> heldByOtherNode = new HashSet<>();
            Instant until = Instant.now().plusSeconds(45);
            while (Instant.now().isBefore(until)) {
                heldByOtherNode.addAll(Database.leaseDueDeletionsAsAnotherNode(prefix, 120));
                for (var id : heldByOtherNode) {
                    assertThat(Database.integrationRowExists(id)).as("deletion " + id + " is leased by another node").isTrue();
                }
                List<String> leftToServer = ids.stream().filter(id -> !heldByOtherNode.contains(id))
                        .filter(Database::integrationRowExists).toList();
                if (leftToServer.isEmpty() && heldByOtherNode.size() >= 1 && Instant.now().isAfter(until.minusSeconds(10))) break;
                Poll.pause(500);
            }
            assertThat(heldByOtherNode).as("the other node got deletions the server had not started").isNotEmpty();
        } finally {
            evolution.clearFaults();
            Database.releaseDeletionLeases(prefix);
        }
        Poll.until(() -> ids.stream().noneMatch(Database::integrationRowExists), Duration.ofSeconds(90),
                "every deletion finished once the other node let go");
    }
}
