package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;

/** Deletions racing each other. */
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
}
