package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;
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
        try {
            assertThat(Integrations.delete(id).status()).isEqualTo(202);
            Poll.until(() -> evolution.calls("delete") >= 2, Duration.ofSeconds(60),
                    "the background retry hanging on Evolution's delete");
            stack.server().kill();
        } finally {
            evolution.clearFaults();
        }
        assertThat(Database.count("SELECT count(*) FROM integrations.integrations WHERE id = ?::uuid AND status = 'deleting'", id))
                .isEqualTo(1);

        stack.server().start(Duration.ofSeconds(180));

        Poll.until(() -> Integrations.find(id).status() == 404, Duration.ofSeconds(90), "the deletion to finish after restart");
        assertThat(evolution.instance(name)).as("no orphan left in Evolution").isEmpty();
        assertThat(Database.count("SELECT count(*) FROM integrations.outbox WHERE type = 'instance.removed' AND payload LIKE ?",
                "%" + name + "%")).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM integrations.audit_log WHERE integration_id = ?::uuid"
                + " AND action = 'instance.deleted'", id)).isEqualTo(1);
    }
}
