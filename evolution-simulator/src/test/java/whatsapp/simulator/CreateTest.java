package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CreateTest extends SimulatorTests {


    @Test
    void withQrcodeTheInstanceIsConnectingAndTheAnswerHasTheFixtureShape() throws Exception {
        var answer = evolution.post("/instance/create", """
                {"instanceName":"clinic-abc-123-1763224272772","integration":"WHATSAPP-BAILEYS","qrcode":true,
                 "webhook":{"url":"https://svc.example.internal/integrations/webhooks/evolution","byEvents":false,"base64":false,
                 "headers":{"x-evolution-secret":"s3cret"},"events":["CONNECTION_UPDATE"]}}""");

        assertThat(answer.status()).isEqualTo(201);
        Fixtures.assertSameShape(answer.json(), Fixtures.read("create-201.json"));
        assertThat(answer.json().at("/instance/status").asText()).isEqualTo("connecting");
        assertThat(answer.json().at("/qrcode/base64").asText()).startsWith("data:image/png;base64,");
        assertThat(answer.json().at("/qrcode/count").asInt()).isEqualTo(1);
        assertThat(answer.json().path("hash").asText()).matches("[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
    }

    @Test
    void withoutQrcodeTheInstanceIsClosedAndTheAnswerHasNoQrcode() throws Exception {
        var answer = evolution.post("/instance/create",
                "{\"instanceName\":\"plain\",\"integration\":\"WHATSAPP-BAILEYS\",\"qrcode\":false,\"token\":\"MY-TOKEN\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().has("qrcode")).isFalse();
        assertThat(answer.json().at("/instance/status").asText()).isEqualTo("close");
        assertThat(answer.json().path("hash").asText()).isEqualTo("MY-TOKEN");
        assertThat(answer.json().path("webhook").isEmpty()).isTrue();
        assertThat(simulator.instance("plain")).get().extracting(InstanceView::connectionStatus).isEqualTo("close");
    }

    @Test
    void invalidBodiesAre400AndKeepNothing() throws Exception {
        var noIntegration = evolution.post("/instance/create", "{\"instanceName\":\"x\"}");
        var qrcodeText = evolution.post("/instance/create",
                "{\"instanceName\":\"x\",\"integration\":\"WHATSAPP-BAILEYS\",\"qrcode\":\"true\"}");
        var webhookWithoutEvents = evolution.post("/instance/create",
                "{\"instanceName\":\"x\",\"integration\":\"WHATSAPP-BAILEYS\",\"webhook\":{\"url\":\"http://h/\"}}");
        var noName = evolution.post("/instance/create", "{\"integration\":\"WHATSAPP-BAILEYS\"}");

        assertThat(noIntegration.json().at("/response/message/0").asText()).isEqualTo("Invalid integration");
        assertThat(qrcodeText.json().at("/response/message/0").asText()).isEqualTo("qrcode is not of a type(s) boolean");
        assertThat(webhookWithoutEvents.json().at("/response/message/0").asText())
                .isEqualTo("Cannot read properties of undefined (reading 'length')");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(webhookWithoutEvents.status()).isEqualTo(400);
        assertThat(simulator.instances()).isEmpty();
    }

    @Test
    void version18AnswersStatusCreatedAndAHashObject() throws Exception {
        simulator.useVersion(ApiVersion.V1_8);

        var answer = evolution.post("/instance/create", "{\"instanceName\":\"old\",\"token\":\"T-OLD\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().at("/instance/status").asText()).isEqualTo("created");
        assertThat(answer.json().at("/hash/apikey").asText()).isEqualTo("T-OLD");
    }

    @Test
    void aSecondCreateOfOneNameIs403() throws Exception {
        assertThat(evolution.create("twice").status()).isEqualTo(201);
        assertThat(evolution.create("twice").status()).isEqualTo(403);
    }

    @Test
    void fiftyConcurrentCreatesOfOneNameGiveExactlyOne201() throws Exception {
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> {
                start.await();
                return evolution.create("contested").status();
            });
        }
        var pool = Executors.newFixedThreadPool(50);
        try {
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var future : futures) statuses.add(future.get());

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 403).hasSize(49);
            assertThat(simulator.instances()).hasSize(1);
            assertThat(simulator.calls("create")).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
