package whatsapp.evolution.instances.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;

/**
 * The key proof behind a "missing" answer is a full fleet listing: at most one in flight per node, renewed in the
 * background before it goes stale, and never waited for by a caller that must answer at once.
 */
class KeyProofSingleFlightTest {

    static final String UNKNOWN = "clinic-nobody-1763224272772";
    static EvolutionSimulator simulator;

    volatile Instant now = Instant.parse("2025-11-15T16:31:12Z");
    final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };
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
    void connect() {
        simulator.reset();
        simulator.seed(SeedInstance.named("clinic-abc-1763224272772").status("open"));
        evolution = new Evolution(new EvolutionSettings(URI.create(simulator.baseUrl()), simulator.apiKey(),
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(60)), null, clock);
    }

    @AfterEach
    void close() {
        simulator.clearFaults();
        evolution.close();
    }

    @Test
    void twentyConcurrent404LookupsAfterExpiryMakeExactlyOneListing() throws Exception {
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        now = now.plusSeconds(61);   // the proof expired
        simulator.resetCalls();
        simulator.inject(Fault.latency("fetchInstances", Duration.ofMillis(300)));

        var pool = Executors.newFixedThreadPool(20);
        try {
            var start = new CountDownLatch(1);
            var lookups = new ArrayList<CompletableFuture<Lookup>>();
            for (int i = 0; i < 20; i++) lookups.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return evolution.lookup(UNKNOWN);
            }, pool));
            start.countDown();
            for (var lookup : lookups) assertThat(lookup.get()).isEqualTo(new Lookup.Missing(UNKNOWN));
        } finally {
            pool.shutdownNow();
        }
        assertThat(simulator.calls("fetchInstances")).as("20 lookups by name and one listing for all of them").isEqualTo(21);
    }

    @Test
    void aProofPastHalfItsValidityIsRenewedInTheBackgroundWithoutWaiting() throws Exception {
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        now = now.plusSeconds(31);
        simulator.resetCalls();
        simulator.inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)).times(2));

        var started = System.nanoTime();
        assertThat(evolution.lookupWithoutWaiting(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        var tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("the lookup does not wait for the renewal's listing").isLessThan(2000 + 1500);

        var deadline = System.nanoTime() + 5_000_000_000L;
        while (simulator.calls("fetchInstances") < 2 && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(simulator.calls("fetchInstances")).as("the lookup by name, then the background renewal").isEqualTo(2);
        Thread.sleep(2300);   // the renewal's listing answered: the proof is good for another 60 s
        now = now.plusMillis(29_500);   // past the first proof, before the renewed one is half gone
        simulator.resetCalls();
        assertThat(evolution.lookup(UNKNOWN)).isEqualTo(new Lookup.Missing(UNKNOWN));
        assertThat(simulator.calls("fetchInstances")).as("no listing: the renewed proof holds").isOne();
    }

    @Test
    void aWebhookLookupNeverWaitsForAProof() {
        now = now.plusSeconds(61);
        simulator.inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)).times(2));
        var started = System.nanoTime();
        var lookup = evolution.lookupWithoutWaiting(UNKNOWN);
        var tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(lookup).isInstanceOf(Lookup.Unavailable.class);
        assertThat(tookMillis).as("only the lookup by name's own latency").isLessThan(2000 + 1500);
    }
}
