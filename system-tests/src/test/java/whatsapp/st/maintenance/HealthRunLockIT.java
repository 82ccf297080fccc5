package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** One health sweep at a time across the cluster: the health lease; the overlapping sweep is skipped and recorded. */
class HealthRunLockIT extends FleetTests {

    @BeforeEach
    void seed() {
        Fleet.healthy("org-healthy");
        evolution().resetCalls();
    }

    @Test
    void twoConcurrentSweepsMeanOne200AndOne409() throws Exception {
        evolution().inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)));
        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> OrphanRunLockIT.await(start, Health::sweep));
        var second = CompletableFuture.supplyAsync(() -> OrphanRunLockIT.await(start, Health::sweep));
        start.countDown();

        assertThat(List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(200, 409);
        var conflict = first.get().status() == 409 ? first.get() : second.get();
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/run-in-progress");
        assertThat(evolution().calls("fetchInstances")).as("the skipped sweep never listed").isOne();

        var runs = Http.get(Service.maintenance("/runs?type=health&limit=2"), Service.admin()).json().getJsonArray("runs");
        assertThat(runs.stream().map(run -> run.asJsonObject().getString("outcome"))).containsExactlyInAnyOrder("completed", "skipped");

        evolution().clearFaults();
        assertThat(Health.sweep().status()).as("the lease is released after the sweep").isEqualTo(200);
    }

    @Test
    void aCleanupDoesNotBlockASweep() throws Exception {
        evolution().inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)));
        var start = new CountDownLatch(1);
        var cleanup = CompletableFuture.supplyAsync(() -> OrphanRunLockIT.await(start, Fleet::cleanup));
        var sweep = CompletableFuture.supplyAsync(() -> OrphanRunLockIT.await(start, Health::sweep));
        start.countDown();

        assertThat(cleanup.get().status()).isEqualTo(200);
        assertThat(sweep.get().status()).isEqualTo(200);
    }
}
