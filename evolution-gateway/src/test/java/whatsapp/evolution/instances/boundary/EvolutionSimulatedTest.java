package whatsapp.evolution.instances.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.evolution.instances.entity.Liveness;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Reachability;
import whatsapp.evolution.instances.entity.Removal;
import whatsapp.evolution.instances.entity.Restart;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.ProbeAnswer;
import whatsapp.simulator.SeedInstance;

/** The real MP REST client against the project's Evolution simulator, in-process. */
class EvolutionSimulatedTest {

    static final String OPEN = "clinic-abc-123-1763224272772";
    static final String UNKNOWN = "clinic-nobody-1763224272772";
    static EvolutionSimulator simulator;

    Evolution evolution;

    @BeforeAll
    static void start() {
        simulator = EvolutionSimulator.start(0, "sim-key");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void seed() {
        simulator.reset();
        simulator.seed(SeedInstance.named(OPEN).status("open").ownerJid("5511999990000@s.whatsapp.net"));
        evolution = connectedTo(simulator.baseUrl(), simulator.apiKey());
    }

    @AfterEach
    void release() {
        simulator.clearFaults();
        evolution.close();
    }

    @Test
    void anExistingInstanceIsFoundWithItsRow() {
        assertThat(evolution.lookup(OPEN)).isInstanceOfSatisfying(Lookup.Found.class, found -> {
            assertThat(found.instance().connectionStatus()).isEqualTo(ConnectionState.open);
            assertThat(found.instance().phoneNumber()).contains("5511999990000");
            assertThat(found.instance().id()).isNotBlank();
        });
    }

    @Test
    void theLivenessProbeTellsALiveSocketFromAClosedOrHungOne() {
        var timeout = Duration.ofSeconds(1);
        assertThat(evolution.liveness(OPEN, "5511900000000", timeout).verdict()).isEqualTo(Liveness.Verdict.ALIVE);

        simulator.probeAnswer(OPEN, ProbeAnswer.CLOSED);
        assertThat(evolution.liveness(OPEN, "5511900000000", timeout)).isEqualTo(Liveness.dead("400: 428 Connection Closed"));

        simulator.probeAnswer(OPEN, ProbeAnswer.HUNG);
        assertThat(evolution.liveness(OPEN, "5511900000000", timeout)).isEqualTo(Liveness.dead("no answer within 1 s"));

        evolution.restart(OPEN);
        assertThat(evolution.liveness(OPEN, "5511900000000", timeout).verdict()).as("a restart heals it")
                .isEqualTo(Liveness.Verdict.ALIVE);
        assertThat(evolution.liveness(UNKNOWN, "5511900000000", timeout).verdict()).isEqualTo(Liveness.Verdict.UNKNOWN);
        simulator.inject(Fault.status("whatsappNumbers", 500));
        assertThat(evolution.liveness(OPEN, "5511900000000", timeout).verdict()).isEqualTo(Liveness.Verdict.UNKNOWN);
    }

    @Test
    void theStoredWebhookIsReadBackAndNullWhenLostOrNotLoaded() {
        assertThat(evolution.findWebhook(OPEN)).isEqualTo(whatsapp.evolution.instances.entity.StoredWebhook.none());
        assertThat(evolution.setWebhook(OPEN, "https://svc.example/integrations/webhooks/evolution",
                Map.of("x-evolution-secret", "s3cret"), List.of("CONNECTION_UPDATE"))).isTrue();

        var stored = evolution.findWebhook(OPEN);
        assertThat(stored.found()).isTrue();
        assertThat(stored.url()).isEqualTo("https://svc.example/integrations/webhooks/evolution");
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.events()).containsExactly("CONNECTION_UPDATE");
        assertThat(stored.headers()).containsEntry("x-evolution-secret", "s3cret");

        simulator.loaded(OPEN, false);
        assertThat(evolution.findWebhook(OPEN).found()).as("not loaded: null").isFalse();
        simulator.loaded(OPEN, true);
        simulator.webhookSettings(OPEN, null);
        assertThat(evolution.findWebhook(OPEN).found()).isFalse();
        assertThat(evolution.findWebhook(UNKNOWN).unavailable()).isTrue();
    }

    @Test
    void anUnknownInstanceIsMissingOnceOneListingProvedTheKey() {
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        assertThat(simulator.calls("fetchInstances")).isEqualTo(3); // two lookups, one proof
    }

    @Test
    void aRowNotLoadedInMemoryIsFoundNotMissing() {
        simulator.seed(SeedInstance.named("clinic-db-only-1").status("close").loaded(false));
        assertThat(evolution.lookup("clinic-db-only-1")).isInstanceOfSatisfying(Lookup.Found.class,
                found -> assertThat(found.instance().name()).isEqualTo("clinic-db-only-1"));
    }

    @Test
    void aWrongKeyMakesNothingMissingAndChangesNothing() {
        try (var wrong = connectedTo(simulator.baseUrl(), "not-the-key")) {
            assertThat(wrong.lookup(UNKNOWN)).isEqualTo(new Lookup.Unavailable("API key rejected"));
            assertThat(wrong.lookup(OPEN)).isEqualTo(new Lookup.Unavailable("API key rejected"));
            assertThat(wrong.delete(OPEN)).isEqualTo(new Removal.Unavailable("API key rejected"));
            assertThat(simulator.calls("delete")).isZero();
            assertThat(wrong.delete(UNKNOWN)).isEqualTo(new Removal.Unavailable("API key rejected"));
            assertThat(wrong.connect(UNKNOWN, Optional.empty())).isEqualTo(new Pairing.Unavailable("API key rejected"));
            assertThat(wrong.create(new CreateInstance("clinic-new-1", null, null, null)))
                    .isEqualTo(new Creation.Unavailable("API key rejected"));
            assertThat(wrong.list()).isEqualTo(new Listing.Unavailable("API key rejected"));
        }
        assertThat(simulator.instance(OPEN)).hasValueSatisfying(open -> assertThat(open.state()).isEqualTo("open"));
        assertThat(simulator.instance("clinic-new-1")).isEmpty();
    }

    @Test
    void aWrongBaseUrlIsAConfigurationErrorNotAMissingInstance() {
        try (var misrouted = connectedTo(simulator.baseUrl() + "/nope", simulator.apiKey())) {
            var reason = "route not found: misconfigured base URL";
            assertThat(misrouted.lookup(UNKNOWN)).isEqualTo(new Lookup.Unavailable(reason));
            assertThat(misrouted.delete(OPEN)).isEqualTo(new Removal.Unavailable(reason));
            assertThat(misrouted.list()).isEqualTo(new Listing.Unavailable(reason));
            assertThat(misrouted.ping()).isInstanceOfSatisfying(Reachability.Unreachable.class,
                    unreachable -> assertThat(unreachable.reason()).isEqualTo(reason));
        }
        assertThat(simulator.instance(OPEN)).isPresent();
    }

    @Test
    void serverErrorsAreUnavailable() {
        simulator.inject(Fault.status("fetchInstances", 500));
        simulator.inject(Fault.status("connectionState", 500));
        assertThat(evolution.lookup(OPEN)).isEqualTo(new Lookup.Unavailable("HTTP 500"));
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Unavailable("HTTP 500"));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("HTTP 500"));
    }

    @Test
    void aMissingInstanceStaysUnavailableWhileTheKeyCannotBeProven() {
        simulator.inject(Fault.status("fetchInstances", 503));
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Unavailable("HTTP 503"));
        simulator.clearFaults();
        simulator.inject(Fault.reset("fetchInstances").times(1));
        assertThat(evolution.delete(UNKNOWN)).isInstanceOf(Removal.AlreadyGone.class);
    }

    @Test
    void aProxyErrorPageIsRetriedOnce() {
        simulator.inject(Fault.status("fetchInstances", 502).times(1));
        assertThat(evolution.lookup(OPEN)).isInstanceOf(Lookup.Found.class);
        assertThat(simulator.calls("fetchInstances")).isEqualTo(2);
        simulator.inject(Fault.status("fetchInstances", 504));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("HTTP 504 (not JSON)"));
    }

    @Test
    void resetConnectionsAreUnavailable() {
        simulator.inject(Fault.reset("*"));
        assertThat(evolution.lookup(OPEN)).isInstanceOfSatisfying(Lookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).isIn("no response", "connection reset"));
        assertThat(evolution.delete(OPEN)).isInstanceOf(Removal.Unavailable.class);
        assertThat(evolution.list()).isInstanceOf(Listing.Unavailable.class);
        simulator.clearFaults();
        assertThat(simulator.instance(OPEN)).isPresent();
    }

    @Test
    void aHangingEvolutionTimesOutAsUnavailable() {
        simulator.inject(Fault.hang("fetchInstances"));
        long start = System.nanoTime();
        assertThat(evolution.lookup(OPEN)).isEqualTo(new Lookup.Unavailable("timeout"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("timeout"));
    }

    @Test
    void aNonJsonAnswerIsUnavailable() {
        simulator.inject(Fault.nonJson("fetchInstances"));
        assertThat(evolution.lookup(OPEN)).isEqualTo(new Lookup.Unavailable("HTTP 200 without JSON"));
        assertThat(evolution.list()).isEqualTo(new Listing.Unavailable("HTTP 200 without JSON"));
    }

    @Test
    void anEmptyListForANamedLookupIsNotMissing() {
        simulator.inject(Fault.emptyList("fetchInstances"));
        assertThat(evolution.lookup(OPEN)).isEqualTo(new Lookup.Unavailable("answer does not name this instance"));
        assertThat(evolution.list()).isInstanceOfSatisfying(Listing.Listed.class,
                listed -> assertThat(listed.instances()).isEmpty());
    }

    @Test
    void createOnceThenTheNameIsTaken() {
        var request = new CreateInstance("clinic-new-1", "http://127.0.0.1:9/hooks", Map.of("x-evolution-secret", "s3cr3t"),
                List.of("CONNECTION_UPDATE", "LOGOUT_INSTANCE", "REMOVE_INSTANCE"));
        assertThat(evolution.create(request)).isInstanceOfSatisfying(Creation.Created.class, created -> {
            assertThat(created.instanceName()).isEqualTo("clinic-new-1");
            assertThat(created.instanceId()).isNotBlank();
            assertThat(created.token()).isNotBlank();
            assertThat(created.status()).isEqualTo("close");
        });
        assertThat(simulator.instance("clinic-new-1")).hasValueSatisfying(created ->
                assertThat(created.webhook().events()).contains("CONNECTION_UPDATE"));
        assertThat(evolution.create(request)).isEqualTo(new Creation.NameTaken("clinic-new-1"));
    }

    @Test
    void deletingAnOpenInstanceThenAgain() {
        assertThat(evolution.delete(OPEN)).isEqualTo(new Removal.Deleted(OPEN));
        assertThat(simulator.instance(OPEN)).isEmpty();
        assertThat(evolution.delete(OPEN)).isEqualTo(new Removal.AlreadyGone(OPEN));
        assertThat(evolution.lookup(OPEN)).isEqualTo(new Lookup.Missing(OPEN));
    }

    @Test
    void deletingUnderV18LogsOutFirst() {
        simulator.useVersion(ApiVersion.V1_8);
        assertThat(evolution.delete(OPEN)).isEqualTo(new Removal.Deleted(OPEN));
    }

    @Test
    void connectShowsAQrUntilThePhoneScansIt() {
        simulator.seed(SeedInstance.named("clinic-new-1"));
        assertThat(evolution.connect("clinic-new-1", Optional.empty())).isInstanceOfSatisfying(Pairing.QrCode.class,
                qr -> assertThat(qr.base64()).startsWith("data:image/png;base64,"));
        assertThat(evolution.connect("clinic-new-1", Optional.of("5511988887777"))).isInstanceOf(Pairing.QrCode.class);
        simulator.pair("clinic-new-1", "5511988887777");
        assertThat(evolution.connect("clinic-new-1", Optional.empty())).isEqualTo(new Pairing.AlreadyConnected("clinic-new-1"));
        assertThat(evolution.lookup("clinic-new-1")).isInstanceOfSatisfying(Lookup.Found.class,
                found -> assertThat(found.instance().phoneNumber()).contains("5511988887777"));
    }

    @Test
    void unknownInstancesCannotBePairedOrRestarted() {
        assertThat(evolution.connect(UNKNOWN, Optional.empty())).isEqualTo(new Pairing.Missing(UNKNOWN));
        assertThat(evolution.restart(UNKNOWN)).isEqualTo(new Restart.Missing(UNKNOWN));
    }

    @Test
    void restartAnswersTheLiveStateOrThatItCouldNot() {
        simulator.seed(SeedInstance.named("clinic-closed-1").status("close"));
        assertThat(evolution.restart(OPEN)).isEqualTo(new Restart.Restarted(OPEN, ConnectionState.open));
        assertThat(evolution.restart("clinic-closed-1")).isEqualTo(new Restart.Unavailable("Evolution error: [object Object]"));
    }

    @Test
    void aRemovedDeviceExplainsTheClose() {
        simulator.disconnect(OPEN, Disconnect.DEVICE_REMOVED);
        assertThat(evolution.lookup(OPEN)).isInstanceOfSatisfying(Lookup.Found.class, found -> {
            assertThat(found.instance().connectionStatus()).isEqualTo(ConnectionState.close);
            assertThat(found.instance().disconnectReason()).contains("device_removed (401)");
        });
        simulator.seed(SeedInstance.named("clinic-out-1").status("open"));
        simulator.disconnect("clinic-out-1", Disconnect.API_LOGOUT);
        assertThat(evolution.lookup("clinic-out-1")).isInstanceOfSatisfying(Lookup.Found.class,
                found -> assertThat(found.instance().disconnectReason()).contains("logout (401)"));
    }

    @Test
    void listsTheFleetInBothShapes() {
        simulator.seed(SeedInstance.named("clinic-closed-1").status("close"));
        assertThat(evolution.list()).isInstanceOfSatisfying(Listing.Listed.class, listed ->
                assertThat(listed.instances()).extracting(EvolutionInstance::name, EvolutionInstance::connectionStatus)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OPEN, ConnectionState.open),
                                org.assertj.core.groups.Tuple.tuple("clinic-closed-1", ConnectionState.close)));
        simulator.useVersion(ApiVersion.V1_8);
        assertThat(evolution.list()).isInstanceOfSatisfying(Listing.Listed.class, listed ->
                assertThat(listed.instances()).extracting(EvolutionInstance::name, EvolutionInstance::phoneNumber)
                        .contains(org.assertj.core.groups.Tuple.tuple(OPEN, Optional.of("5511999990000"))));
        assertThat(evolution.lookup(OPEN)).isInstanceOf(Lookup.Found.class);
    }

    @Test
    void pingReportsTheVersion() {
        assertThat(evolution.ping()).isInstanceOfSatisfying(Reachability.Reachable.class,
                reachable -> assertThat(reachable.version()).isEqualTo("2.3.6"));
    }

    static Evolution connectedTo(String url, String apiKey) {
        return new Evolution(EvolutionSettings.of(URI.create(url), apiKey)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(1000)));
    }
}
