package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same operations through /__admin/, as a test in another process would drive them. */
class AdminApiTest {

    static EvolutionSimulator simulator;
    static SimulatorAdminClient admin;
    static EvolutionApi evolution;

    @BeforeAll
    static void start() {
        simulator = EvolutionSimulator.start(0, "global-key");
        admin = new SimulatorAdminClient(simulator.baseUrl());
        evolution = new EvolutionApi(simulator.baseUrl(), "global-key");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        admin.reset();
    }

    @Test
    void seedPairAndDisconnect() throws Exception {
        admin.seed(SeedInstance.named("clinic a").token("T-1").webhook("http://127.0.0.1:9/none", Map.of("x", "y"), List.of()),
                SeedInstance.named("db-only").loaded(false));
        admin.pair("clinic a", "5511999990000");

        var paired = admin.instance("clinic a").orElseThrow();
        assertThat(paired.state()).isEqualTo("open");
        assertThat(paired.ownerJid()).isEqualTo("5511999990000@s.whatsapp.net");
        assertThat(paired.token()).isEqualTo("T-1");
        assertThat(paired.webhook().headers()).containsEntry("x", "y");

        admin.disconnect("clinic a", Disconnect.BANNED_403);

        var banned = admin.instance("clinic a").orElseThrow();
        assertThat(banned.connectionStatus()).isEqualTo("close");
        assertThat(banned.disconnectionReasonCode()).isEqualTo(403);
        assertThat(admin.instances()).extracting(InstanceView::name).containsExactly("clinic a", "db-only");
        assertThat(admin.instance("nobody")).isEmpty();
        assertThat(simulator.calls()).isEmpty();
    }

    @Test
    void faultsCallsVersionAndLatency() throws Exception {
        admin.inject(Fault.status("root", 503).times(1));

        assertThat(evolution.get("/").status()).isEqualTo(503);
        assertThat(evolution.get("/").status()).isEqualTo(200);
        assertThat(admin.calls("root")).isEqualTo(2);
        assertThat(admin.calls()).containsOnly(Map.entry("root", 2L));

        admin.inject(Fault.reset("*"));
        admin.clearFaults();
        admin.resetCalls();
        admin.useVersion(ApiVersion.V1_8);
        admin.latency(Duration.ofMillis(1));

        assertThat(evolution.get("/").json().path("version").asText()).isEqualTo("1.8.2");
        assertThat(admin.calls("*")).isEqualTo(1);
    }

    @Test
    void deliveriesAreListed() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            admin.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of("x-evolution-secret", "s"), List.of()));
            admin.pair("clinic", "5511999990000");

            Fixtures.eventually(() -> !admin.deliveries().isEmpty(), "a delivery");

            var delivery = admin.deliveries().get(0);
            assertThat(delivery.event()).isEqualTo("connection.update");
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.headers()).containsEntry("x-evolution-secret", "s");
            assertThat(delivery.body()).contains("\"state\":\"open\"");
        }
    }

    @Test
    void badRequestsAreRefused() {
        assertThatThrownBy(() -> admin.disconnect("nobody", Disconnect.DEVICE_REMOVED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("404");
        assertThatThrownBy(() -> admin.pair("nobody", "5511")).hasMessageContaining("404");
    }
}
