package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksTest extends SimulatorTests {

    WebhookReceiver receiver;

    @BeforeEach
    void listen() throws Exception {
        simulator.webhookPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(2));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopListening() {
        receiver.close();
    }

    @Test
    void deliveriesCarryTheCustomHeaderAndTheEnvelope() throws Exception {
        evolution.post("/instance/create", """
                {"instanceName":"clinic","integration":"WHATSAPP-BAILEYS","qrcode":false,
                 "webhook":{"url":"%s","byEvents":false,"base64":false,"headers":{"x-evolution-secret":"s3cret"},
                 "events":["CONNECTION_UPDATE","INSTANCE_CREATE"]}}""".formatted(receiver.url()));
        simulator.pair("clinic", "+55 11 99999-0000");

        var open = receiver.await(r -> r.event().equals("connection.update"), 1).get(0);
        var created = receiver.await(r -> r.event().equals("instance.create"), 1).get(0);

        assertThat(open.header("x-evolution-secret")).isEqualTo("s3cret");
        assertThat(Fixtures.fieldNames(open.body())).containsExactly("event", "instance", "data", "destination", "date_time",
                "sender", "server_url", "apikey");
        assertThat(open.body().path("sender").asText()).isEqualTo("5511999990000@s.whatsapp.net");
        assertThat(open.body().at("/data/state").asText()).isEqualTo("open");
        assertThat(open.body().path("apikey").isNull()).isTrue();
        assertThat(open.body().path("server_url").asText()).isEqualTo(simulator.baseUrl());
        assertThat(created.body().has("sender")).isFalse();
        assertThat(created.body().at("/data/instanceName").asText()).isEqualTo("clinic");
    }

    @Test
    void connectAnnouncesConnectingAndTheQr() throws Exception {
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of(), List.of("QRCODE_UPDATED", "CONNECTION_UPDATE")));

        var qr = evolution.get("/instance/connect/clinic").json();

        var updated = receiver.await(r -> r.event().equals("qrcode.updated"), 1).get(0).body();
        var connecting = receiver.await(r -> r.event().equals("connection.update"), 1).get(0).body();
        assertThat(updated.at("/data/qrcode/code").asText()).isEqualTo(qr.path("code").asText());
        assertThat(connecting.at("/data/state").asText()).isEqualTo("connecting");
        assertThat(connecting.at("/data/statusReason").asInt()).isEqualTo(200);
    }

    @Test
    void deviceRemovedClosesTheInstanceAndSendsTheCloseWebhooks() throws Exception {
        simulator.seed(SeedInstance.named("clinic-lmn-321-1763140000000").status("open")
                .ownerJid("5521988887777@s.whatsapp.net").webhook(receiver.url(), Map.of(), List.of()));

        simulator.disconnect("clinic-lmn-321-1763140000000", Disconnect.DEVICE_REMOVED);

        var view = simulator.instance("clinic-lmn-321-1763140000000").orElseThrow();
        assertThat(view.connectionStatus()).isEqualTo("close");
        assertThat(view.state()).isEqualTo("close");
        assertThat(view.disconnectionReasonCode()).isEqualTo(401);
        assertThat(view.disconnectionObject()).contains("device_removed");
        assertThat(view.disconnectionAt()).isNotNull();
        assertThat(view.ownerJid()).isEqualTo("5521988887777@s.whatsapp.net");
        var events = receiver.await(r -> true, 3).stream().map(WebhookReceiver.Received::event).toList();
        assertThat(events).containsExactlyInAnyOrder("status.instance", "logout.instance", "connection.update");
        var close = receiver.await(r -> r.event().equals("connection.update"), 1).get(0).body();
        Fixtures.assertSameShape(close, Fixtures.read("webhook-connection-update-close-401.json"));
        assertThat(close.path("data")).isEqualTo(Fixtures.read("webhook-connection-update-close-401.json").path("data"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Disconnect.class, names = {"TEMPORARILY_BANNED_402", "BANNED_406"})
    void bansCloseTheInstanceForGoodWithTheirCode(Disconnect ban) throws Exception {
        simulator.seed(SeedInstance.named("clinic-ban").status("open").webhook(receiver.url(), Map.of(), List.of()));

        simulator.disconnect("clinic-ban", ban);

        var view = simulator.instance("clinic-ban").orElseThrow();
        assertThat(view.state()).isEqualTo("close");
        assertThat(view.disconnectionReasonCode()).isEqualTo(ban.code());
        assertThat(view.disconnectionObject()).contains("\"statusCode\":" + ban.code()).contains("Connection Failure");
        var close = receiver.await(r -> r.event().equals("connection.update"), 1).get(0).body();
        assertThat(close.at("/data/state").asText()).isEqualTo("close");
        assertThat(close.at("/data/statusReason").asInt()).isEqualTo(ban.code());
    }

    @Test
    void conflictAndTransientDropsWriteAndSendNothing() throws Exception {
        simulator.seed(SeedInstance.named("clinic").status("open").webhook(receiver.url(), Map.of(), List.of()));

        simulator.disconnect("clinic", Disconnect.CONFLICT);
        simulator.disconnect("clinic", Disconnect.TRANSIENT_DROP);
        Thread.sleep(200);

        assertThat(receiver.received()).isEmpty();
        var view = simulator.instance("clinic").orElseThrow();
        assertThat(view.state()).isEqualTo("open");
        assertThat(view.disconnectionReasonCode()).isNull();
    }

    @Test
    void onlySubscribedEventsAreSentAndByEventsAppendsTheEventToThePath() throws Exception {
        simulator.seed(SeedInstance.named("clinic").status("open")
                .webhook(WebhookSettings.to(receiver.url(), Map.of(), List.of("CONNECTION_UPDATE")).byEvents(true)));

        evolution.delete("/instance/logout/clinic");

        var received = receiver.await(r -> true, 1);
        Thread.sleep(100);
        assertThat(receiver.received()).hasSize(1);
        assertThat(received.get(0).path()).isEqualTo("/hooks/evolution/connection-update");
        assertThat(received.get(0).body().path("destination").asText()).isEqualTo(receiver.url());
    }

    @Test
    void failuresAreRetriedTwiceButA404StopsAtOnce() throws Exception {
        simulator.seed(SeedInstance.named("a").status("open").webhook(receiver.url(), Map.of(), List.of("LOGOUT_INSTANCE")),
                SeedInstance.named("b").status("open").webhook(receiver.url(), Map.of(), List.of("LOGOUT_INSTANCE")));

        receiver.answerWith(500);
        evolution.delete("/instance/logout/a");
        Fixtures.eventually(() -> deliveriesFor("a").size() == 3, "three attempts");
        receiver.answerWith(404);
        evolution.delete("/instance/logout/b");
        Fixtures.eventually(() -> deliveriesFor("b").size() == 1, "one attempt");
        Thread.sleep(100);

        assertThat(deliveriesFor("a")).extracting(WebhookDelivery::status).containsExactly(500, 500, 500);
        assertThat(deliveriesFor("a")).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(deliveriesFor("b")).extracting(WebhookDelivery::status).containsExactly(404);
    }

    private static List<WebhookDelivery> deliveriesFor(String instance) {
        return simulator.deliveries().stream().filter(d -> d.instance().equals(instance)).toList();
    }

    @Test
    void deleteSendsInstanceDeleteAndRemoveInstance() throws Exception {
        simulator.seed(SeedInstance.named("clinic").status("open").webhook(receiver.url(), Map.of(), List.of(
                "INSTANCE_DELETE", "REMOVE_INSTANCE", "LOGOUT_INSTANCE")));

        evolution.delete("/instance/delete/clinic");

        var events = receiver.await(r -> true, 3).stream().map(WebhookReceiver.Received::event).toList();
        assertThat(events).containsExactlyInAnyOrder("logout.instance", "instance.delete", "remove.instance");
    }

    @Test
    void aJwtKeyHeaderBecomesABearerToken() throws Exception {
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of("jwt_key", "k"), List.of()));

        simulator.pair("clinic", "5511999990000");

        var open = receiver.await(r -> true, 1).get(0);
        assertThat(open.header("jwt_key")).isNull();
        assertThat(open.header("Authorization")).matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void webhookSetStoresARowThatFindReturns() throws Exception {
        simulator.seed(SeedInstance.named("clinic"));

        var none = evolution.get("/webhook/find/clinic");
        var set = evolution.post("/webhook/set/clinic", """
                {"webhook":{"enabled":true,"url":"%s","headers":{"x-evolution-secret":"s"},"byEvents":false,
                 "base64":false,"events":["CONNECTION_UPDATE","QRCODE_UPDATED"]}}""".formatted(receiver.url()));
        var found = evolution.get("/webhook/find/clinic");
        var badEvent = evolution.post("/webhook/set/clinic", "{\"webhook\":{\"enabled\":true,\"url\":\"http://x\",\"events\":[\"NOPE\"]}}");
        var flat = evolution.post("/webhook/set/clinic", "{\"enabled\":true,\"url\":\"http://x\"}");

        assertThat(none.body()).isEqualTo("null");
        assertThat(set.status()).isEqualTo(201);
        assertThat(Fixtures.fieldNames(set.json())).containsExactly("id", "url", "headers", "enabled", "events",
                "webhookByEvents", "webhookBase64", "createdAt", "updatedAt", "instanceId");
        assertThat(found.json()).isEqualTo(set.json());
        assertThat(badEvent.json().at("/response/message/0").asText()).startsWith("webhook.events[0] is not one of enum values: ");
        assertThat(flat.json().at("/response/message/0").asText()).isEqualTo("instance requires property \"webhook\"");
    }
}
