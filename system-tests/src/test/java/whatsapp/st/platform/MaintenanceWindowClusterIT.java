package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.WildFlyProcess;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Maintenance windows on two nodes over one database: a window planned on one node holds the alerts the other
 * records; two early ends sent to both nodes at once, and a natural end both nodes' timers see, each make exactly one
 * summary alert.
 */
class MaintenanceWindowClusterIT {

    static WildFlyProcess first;
    static WildFlyProcess second;
    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @BeforeAll
    static void twoNodes() {
        first = Stack.get().server();
        second = Stack.secondNode(Map.of("MAINTENANCE_WINDOW_TICK_SECONDS", "1"));
    }

    @AfterAll
    static void oneNodeAgain() throws Exception {
        Stack.stopSecondNode();
    }

    static Http.Answer open(WildFlyProcess node, Instant endsAt, String reason) {
        return Http.post(node.httpUrl() + "/maintenance/windows", Service.admin(), "application/json",
                "{\"starts_at\":\"" + Instant.now().minusSeconds(1) + "\",\"ends_at\":\"" + endsAt + "\",\"reason\":\"" + reason + "\"}");
    }

    static List<JsonObject> summaries(String windowId) {
        return Http.get(Service.maintenance("/alerts?limit=500"), Service.admin()).json().getJsonArray("alerts")
                .getValuesAs(JsonObject.class).stream().filter(alert -> alert.getString("type").equals("maintenance_window.summary")
                        && alert.getString("reason").contains(windowId)).toList();
    }

    static JsonObject window(String id) {
        return Http.get(Service.maintenance("/windows"), Service.admin()).json().getJsonArray("windows")
                .getValuesAs(JsonObject.class).stream().filter(window -> window.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void heldOnEveryNodeAndSummarizedOnceWhoeverEndsIt() {
        var integration = Integrations.createFor("org-window-cluster");
        var name = integration.getString("instance_name");
        evolution.pair(name, "5511999990009");
        Poll.until(() -> Integrations.find(integration.getString("id")).json().getString("status").equals("connected"),
                Duration.ofSeconds(10), name + " connected");

        var opened = open(second, Instant.now().plus(Duration.ofHours(1)), "cluster upgrade");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        var id = opened.json().getString("id");
        try {
            evolution.disconnect(name, Disconnect.DEVICE_REMOVED);
            Poll.until(() -> Integrations.find(integration.getString("id")).json().getString("status").equals("disconnected"),
                    Duration.ofSeconds(10), name + " disconnected");
            Poll.pause(1000);
            assertThat(Http.get(Service.maintenance("/alerts?state=open&limit=500"), Service.admin()).json().getJsonArray("alerts")
                    .getValuesAs(JsonObject.class)).as("held on the node that recorded it")
                    .noneMatch(alert -> alert.getString("instance_name").equals(name));

            var ends = List.of(first, second, first, second).stream().map(node -> CompletableFuture.supplyAsync(() ->
                    Http.delete(node.httpUrl() + "/maintenance/windows/" + id, Service.admin()))).toList();
            for (var end : ends) assertThat(end.join().status()).isEqualTo(200);
            Poll.until(() -> window(id).getString("state").equals("ended"), Duration.ofSeconds(20), "the window compared");
            assertThat(summaries(id)).as("one summary alert").hasSize(1);
            assertThat(summaries(id).get(0).getString("id")).isEqualTo(window(id).getString("alert_id"));
            assertThat(window(id).getJsonObject("summary").getJsonArray("disconnected").getString(0)).isEqualTo(name);
        } finally {
            Http.delete(Service.maintenance("/windows/" + id), Service.admin());
        }

        var natural = open(first, Instant.now().plusSeconds(3), "short one");
        assertThat(natural.status()).as(natural.body()).isEqualTo(201);
        var naturalId = natural.json().getString("id");
        Poll.until(() -> window(naturalId).getString("state").equals("ended"), Duration.ofSeconds(20),
                "the second node's timer compares it at its end");
        Poll.pause(2500);   // both nodes' timers have looked again
        assertThat(summaries(naturalId)).hasSize(1);
        Integrations.delete(integration.getString("id"));
    }
}
