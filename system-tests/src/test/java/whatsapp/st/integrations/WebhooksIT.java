package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class WebhooksIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    static Http.Answer deliver(String secret, String body) {
        var request = HttpRequest.newBuilder(URI.create(Service.integrations("/webhooks/evolution")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) request.header("x-evolution-secret", secret);
        return Http.send(request.build());
    }

    static String connectionUpdate(String instance, String state, int reason, Instant at) {
        return "{\"event\":\"connection.update\",\"instance\":\"" + instance + "\",\"data\":{\"instance\":\"" + instance
                + "\",\"state\":\"" + state + "\",\"statusReason\":" + reason + "},\"date_time\":\"" + at + "\"}";
    }

    String secretOf(String instanceName) {
        return evolution.instance(instanceName).orElseThrow().webhook().headers().get("x-evolution-secret");
    }

    @Test
    void evolutionsOwnDeliveriesKeepTheStatusCurrent() {
        var integration = Integrations.createFor("org-hook-1");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        try (var events = Events.subscribe()) {
            evolution.pair(name, "5511999990042");
            Poll.until(() -> "connected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                    "the open webhook to connect the integration");
            var connected = Integrations.find(id).json();
            assertThat(connected.getString("phone_number")).isEqualTo("5511999990042");
            assertThat(connected.getString("connected_at")).isNotNull();
            var changed = events.await("instance.status_changed", name, Duration.ofSeconds(5));
            assertThat(changed.getString("status")).isEqualTo("connected");
            assertThat(events.cached(name)).contains("\"status\":\"connected\"");

            evolution.disconnect(name, Disconnect.DEVICE_REMOVED);
            Poll.until(() -> "disconnected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                    "the close webhook to disconnect the integration");
            var removed = Integrations.find(id).json();
            assertThat(removed.getString("disconnect_reason")).isEqualTo("device_removed (401)");
            assertThat(removed.getString("connected_at")).isEqualTo(connected.getString("connected_at"));
        }
        var history = Http.get(Service.maintenance("/instances/" + name + "/history"), Service.admin()).json();
        assertThat(history.getJsonArray("changes").getValuesAs(jakarta.json.JsonObject.class))
                .filteredOn(c -> c.getString("source").equals("webhook")).hasSize(2);
    }

    @Test
    void anApiLogoutIsToldFromADeviceRemoval() {
        var integration = Integrations.createFor("org-hook-2");
        String name = integration.getString("instance_name");
        evolution.pair(name, "5511999990043");
        Poll.until(() -> "connected".equals(Integrations.find(integration.getString("id")).json().getString("status")),
                Duration.ofSeconds(10), "connected");
        evolution.disconnect(name, Disconnect.API_LOGOUT);
        Poll.until(() -> "logout (401)".equals(Integrations.find(integration.getString("id")).json()
                .getString("disconnect_reason", "")), Duration.ofSeconds(10), "a logout reason");
    }

    @Test
    void aWrongOrMissingSecretIsRefusedAndChangesNothing() {
        var integration = Integrations.createFor("org-hook-3");
        String name = integration.getString("instance_name");
        String open = connectionUpdate(name, "close", 401, Instant.now());
        for (String secret : new String[]{null, "", "not-the-secret", secretOf(name) + "x"}) {
            var answer = deliver(secret, open);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(Integrations.find(integration.getString("id")).json().getString("status")).isEqualTo("pending");
    }

    @Test
    void repeatedOrOutOfOrderDeliveriesNeverMoveTheStatusBack() {
        var integration = Integrations.createFor("org-hook-4");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        String secret = secretOf(name);
        Instant t0 = Instant.now();
        var newer = deliver(secret, connectionUpdate(name, "close", 403, t0.plusSeconds(2)));
        assertThat(newer.status()).isEqualTo(200);
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("disconnected");

        var older = deliver(secret, connectionUpdate(name, "open", 200, t0));
        assertThat(older.status()).isEqualTo(202);
        var repeated = deliver(secret, connectionUpdate(name, "close", 403, t0.plusSeconds(2)));
        assertThat(repeated.status()).isEqualTo(202);
        var now = Integrations.find(id).json();
        assertThat(now.getString("status")).isEqualTo("disconnected");
        assertThat(now.getString("disconnect_reason")).isEqualTo("forbidden (403)");
    }

    @Test
    void unknownInstancesAreIgnoredAndBrokenBodiesRefused() {
        assertThat(deliver("whatever", connectionUpdate("clinic-nobody-1", "open", 200, Instant.now())).status()).isEqualTo(202);
        for (String body : new String[]{"{", "{}", "{\"event\":\"connection.update\"}", "[]"}) {
            var answer = deliver("whatever", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Test
    void aClockThatStepsFarBackIsAResetAndItsDeliveriesApply() {
        var integration = Integrations.createFor("org-hook-5");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        String secret = secretOf(name);
        Instant t0 = Instant.now();
        assertThat(deliver(secret, connectionUpdate(name, "close", 403, t0)).status()).isEqualTo(200);

        // Evolution's wall clock fell back an hour (DST): its deliveries are not all "older" from now on
        var afterReset = deliver(secret, connectionUpdate(name, "open", 200, t0.minus(Duration.ofHours(1))));
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(afterReset.json().getBoolean("applied")).isTrue();
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("connected");
        var next = deliver(secret, connectionUpdate(name, "close", 403, t0.minus(Duration.ofHours(1)).plusSeconds(1)));
        assertThat(next.status()).as("ordered again on the new clock").isEqualTo(200);
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("disconnected");

        // a small step back is still an older delivery
        var older = deliver(secret, connectionUpdate(name, "open", 200, t0.minus(Duration.ofHours(1)).minusSeconds(30)));
        assertThat(older.status()).isEqualTo(202);
        assertThat(older.json().getBoolean("applied")).isFalse();
        assertThat(older.json().getString("reason")).isNotBlank();
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("disconnected");
    }

    @Test
    void twoEventsInOneMillisecondAreOrderedByArrival() {
        var integration = Integrations.createFor("org-hook-6");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        String secret = secretOf(name);
        Instant t0 = Instant.now();
        assertThat(deliver(secret, connectionUpdate(name, "connecting", 200, t0)).status()).isEqualTo(200);
        var sameMillisecond = deliver(secret, connectionUpdate(name, "close", 403, t0));
        assertThat(sameMillisecond.status()).isEqualTo(200);
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("disconnected");
        var repeated = deliver(secret, connectionUpdate(name, "close", 403, t0));
        assertThat(repeated.status()).as("the same delivery again").isEqualTo(202);
        assertThat(repeated.json().getBoolean("applied")).isFalse();
    }

    @Test
    void aDeliveryOlderThanTheRecordedStateAnswers202NotApplied() {
        var integration = Integrations.createFor("org-hook-7");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        // the status was recorded by a node whose clock runs a minute ahead
        whatsapp.st.systems.Database.statusChangedAt(id, Instant.now().plusSeconds(60));
        var answer = deliver(secretOf(name), connectionUpdate(name, "close", 403, Instant.now()));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().getBoolean("applied")).isFalse();
        assertThat(answer.json().getString("reason")).isNotBlank();
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("pending");
    }
}
