package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTests {


    @BeforeEach
    void reset() {
        simulator.seed(SeedInstance.named("clinic").status("open"));
    }

    @Test
    void statusFaultsAnswerTheEvolutionEnvelopeOrAProxyPage() throws Exception {
        simulator.inject(Fault.status("fetchInstances", 500));
        simulator.inject(Fault.status("connectionState", 502));

        var envelope = evolution.get("/instance/fetchInstances");
        var proxy = evolution.get("/instance/connectionState/clinic");

        assertThat(envelope.status()).isEqualTo(500);
        assertThat(envelope.json().path("error").asText()).isEqualTo("Internal Server Error");
        assertThat(envelope.json().at("/response/message").isArray()).isTrue();
        assertThat(proxy.status()).isEqualTo(502);
        assertThat(proxy.contentType()).startsWith("text/html");
        assertThat(proxy.body()).contains("<title>502 Bad Gateway</title>");
    }

    @Test
    void a404FaultIsTheUnknownRouteAnswerOfAWrongBaseUrl() throws Exception {
        simulator.inject(Fault.status("*", 404));

        var answer = evolution.get("/instance/fetchInstances");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().at("/response/message/0").asText()).isEqualTo("Cannot GET /instance/fetchInstances");
    }

    @Test
    void resetDropsTheConnectionWithoutAnAnswer() {
        simulator.inject(Fault.reset("create"));

        assertThatThrownBy(() -> evolution.create("new")).isInstanceOf(IOException.class);
        assertThat(simulator.calls("create")).isPositive();
        assertThat(simulator.instances()).hasSize(1);
    }

    @Test
    void aHungRouteBlocksNoOtherRouteAndClearFaultsReleasesIt() throws Exception {
        simulator.inject(Fault.hang("fetchInstances"));
        var hung = CompletableFuture.supplyAsync(() -> {
            try {
                return evolution.send("GET", "/instance/fetchInstances", null, Duration.ofSeconds(20)).status();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Fixtures.eventually(() -> simulator.calls("fetchInstances") == 1, "the hung call to arrive");

        assertThat(evolution.get("/instance/connectionState/clinic").status()).isEqualTo(200);
        assertThat(evolution.get("/").status()).isEqualTo(200);
        assertThat(hung).isNotDone();

        simulator.clearFaults();
        assertThat(hung.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void resetFailsAGetOnceTheClientsOwnRetryIsUsedUp() throws Exception {
        simulator.inject(Fault.reset("connectionState").times(2));

        assertThatThrownBy(() -> evolution.get("/instance/connectionState/clinic")).isInstanceOf(IOException.class);
        assertThat(simulator.calls("connectionState")).isEqualTo(2);
        assertThat(evolution.get("/instance/connectionState/clinic").status()).isEqualTo(200);
    }

    @Test
    void closingTheSimulatorEndsHungCalls() throws Exception {
        var own = EvolutionSimulator.start(0, "k");
        own.inject(Fault.hang("*"));
        var hung = CompletableFuture.runAsync(() -> {
            try {
                new EvolutionApi(own.baseUrl(), "k").send("GET", "/", null, Duration.ofSeconds(20));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Fixtures.eventually(() -> own.calls("root") >= 1, "the hung call to arrive");

        own.close();

        assertThatThrownBy(() -> hung.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHungRouteTimesTheClientOut() {
        simulator.inject(Fault.hang("connectionState"));

        assertThatThrownBy(() -> evolution.send("GET", "/instance/connectionState/clinic", null, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        simulator.clearFaults();
    }

    @Test
    void timesLimitsAFaultToTheNextCalls() throws Exception {
        simulator.inject(Fault.status("connectionState", 503).times(1));

        assertThat(evolution.get("/instance/connectionState/clinic").status()).isEqualTo(503);
        assertThat(evolution.get("/instance/connectionState/clinic").status()).isEqualTo(200);
        assertThat(simulator.faults()).isEmpty();
    }

    @Test
    void emptyListUnauthorizedAndNonJson() throws Exception {
        simulator.inject(Fault.emptyList("fetchInstances").times(1));
        simulator.inject(Fault.unauthorized("connect").times(1));
        simulator.inject(Fault.nonJson("connectionState").times(1));

        assertThat(evolution.get("/instance/fetchInstances").body()).isEqualTo("[]");
        assertThat(evolution.get("/instance/connect/clinic").json().at("/response/message").asText()).isEqualTo("Unauthorized");
        var html = evolution.get("/instance/connectionState/clinic");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
    }

    @Test
    void latencyFaultsAndGlobalLatencyDelayAnswers() throws Exception {
        simulator.inject(Fault.latency("*", Duration.ofMillis(150)));
        simulator.latency(Duration.ofMillis(100));

        var started = System.nanoTime();
        assertThat(evolution.get("/").status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void everyEvolutionCallIsCountedButAdminCallsAreNot() throws Exception {
        simulator.inject(Fault.status("*", 500).times(2));

        evolution.get("/instance/fetchInstances");
        evolution.get("/instance/connectionState/clinic");
        evolution.get("/instance/connectionState/clinic");
        new SimulatorAdminClient(simulator.baseUrl()).instances();

        assertThat(simulator.calls()).containsEntry("fetchInstances", 1L).containsEntry("connectionState", 2L).hasSize(2);
        assertThat(simulator.calls("*")).isEqualTo(3);
        simulator.resetCalls();
        assertThat(simulator.calls("connectionState")).isZero();
    }
}
