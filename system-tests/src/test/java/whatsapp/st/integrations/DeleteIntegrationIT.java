package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;

class DeleteIntegrationIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
    }

    @Test
    void deletionRemovesInstanceEventCacheAndRowInThatOrder() {
        var integration = Integrations.createFor("org-delete-1");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        evolution.pair(name, "5511999990001");
        try (var events = Events.subscribe()) {
            assertThat(events.cached(name)).contains("\"integration_id\":\"" + id + "\"");

            assertThat(Integrations.delete(id).status()).isEqualTo(204);

            var removed = events.await("instance.removed", name, Duration.ofSeconds(10));
            assertThat(removed.getString("integration_id")).isEqualTo(id);
            assertThat(removed.getString("organization_id")).isEqualTo("org-delete-1");
            assertThat(removed.getString("status")).isEqualTo("deleting");
            assertThat(removed.getString("event_id")).isNotBlank();
            assertThat(events.cached(name)).isNull();
        }
        assertThat(evolution.instance(name)).isEmpty();
        assertThat(Integrations.find(id).status()).isEqualTo(404);
        assertThat(Integrations.delete(id).status()).as("a repeated DELETE changes nothing").isEqualTo(404);
        assertThat(Integrations.audit("org-delete-1")).filteredOn(e -> id.equals(e.getString("integration_id", null))
                && e.getString("action").equals("instance.deleted") && e.getString("actor").equals("user:alice")).hasSize(1);
    }

    @Test
    void anUnreachableEvolutionLeavesTheDeletionToTheBackgroundRetry() {
        var integration = Integrations.createFor("org-delete-2");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        evolution.inject(Fault.status("*", 503));

        var answer = Integrations.delete(id);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().getString("status")).isEqualTo("deleting");
        assertThat(answer.json().getBoolean("enabled")).isFalse();
        assertThat(Integrations.delete(id).status()).as("repeating it is harmless").isEqualTo(202);
        assertThat(evolution.instance(name)).isPresent();

        evolution.clearFaults();
        Poll.until(() -> Integrations.find(id).status() == 404, Duration.ofSeconds(60), "the background deletion");
        assertThat(evolution.instance(name)).isEmpty();
    }

    @Test
    void aPendingDeletionIsFinishedBeforeTheNextCreateOr409() {
        var old = Integrations.createFor("org-delete-4");
        evolution.inject(Fault.status("*", 503));
        assertThat(Integrations.delete(old.getString("id")).status()).isEqualTo(202);

        var blocked = Integrations.create("org-delete-4", whatsapp.st.systems.Service.admin());
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.isProblem()).isTrue();
        assertThat(Integrations.of("org-delete-4")).hasSize(1);

        evolution.clearFaults();
        var created = Integrations.create("org-delete-4", whatsapp.st.systems.Service.admin());
        assertThat(created.status()).isEqualTo(201);
        assertThat(Integrations.find(old.getString("id")).status()).isEqualTo(404);
        assertThat(evolution.instance(old.getString("instance_name"))).isEmpty();
        assertThat(Integrations.of("org-delete-4")).hasSize(1);
    }

    @Test
    void eventsWaitInTheOutboxWhileRedisIsDown() throws Exception {
        var stack = Stack.get();
        stack.stopRedis();
        try {
            var integration = Integrations.createFor("org-delete-3"); // the service works on without Redis
            String name = integration.getString("instance_name");
            assertThat(Integrations.delete(integration.getString("id")).status()).isEqualTo(204);
            assertThat(Database.unpublishedEvents("instance.removed", name)).isEqualTo(1);
        } finally {
            // Redis comes back password-protected: our subscriber gets in first, the service only once it is dropped.
            stack.startRedisAgain("requirepass test-only-gate");
        }
        try (var events = Events.subscribeWithPassword("test-only-gate")) {
            events.dropPassword();
            events.await("instance.created", "clinic-org-delete-3-", Duration.ofSeconds(30));
            events.await("instance.removed", "clinic-org-delete-3-", Duration.ofSeconds(30));
        }
        Poll.until(() -> Database.unpublishedEvents() == 0,
                Duration.ofSeconds(30), "the outbox to drain");
    }
}
