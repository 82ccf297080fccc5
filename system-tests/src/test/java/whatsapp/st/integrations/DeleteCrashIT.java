package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;

class DeleteCrashIT {

    @Test
    void aDeletionInterruptedByKillDashNineIsFinishedAfterRestart() throws Exception {
        var stack = Stack.get();
        var evolution = stack.simulator().orElseThrow();
        var integration = Integrations.createFor("org-kill-1");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        evolution.resetCalls();
        evolution.inject(Fault.hang("delete"));
        try (var events = Events.subscribe()) {
            deleteThenKill(stack, evolution, id);
            assertThat(Database.statusWhileServerIsDown(id)).isEqualTo("deleting");

            stack.server().start(Duration.ofSeconds(180));

            Poll.until(() -> Integrations.find(id).status() == 404, Duration.ofSeconds(90), "the deletion to finish after restart");
            assertThat(evolution.instance(name)).as("no orphan left in Evolution").isEmpty();
            events.await("instance.removed", name, Duration.ofSeconds(30));
            Poll.pause(1000);
            assertThat(events.received()).as("one removal event").filteredOn(e -> e.getString("type").equals("instance.removed")
                    && e.getString("instance_name").equals(name)).hasSize(1);
        }
        assertThat(Integrations.audit("org-kill-1")).filteredOn(e -> id.equals(e.getString("integration_id", null))
                && e.getString("action").equals("instance.deleted")).hasSize(1);
    }

    /** Deletes while Evolution's delete hangs, then kills the server in the middle of the background retry. */
    static void deleteThenKill(LocalStack stack, EvolutionSimulator evolution, String id) throws Exception {
        try {
            assertThat(Integrations.delete(id).status()).isEqualTo(202);
            Poll.until(() -> evolution.calls("delete") >= 2, Duration.ofSeconds(60),
                    "the background retry hanging on Evolution's delete");
            stack.server().kill();
        } finally {
            evolution.clearFaults();
        }
    }
}
