package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;

/** One cleanup at a time across the cluster: a lease row in PostgreSQL; the overlapping run is skipped and recorded. */
class OrphanRunLockIT extends FleetTests {

    @BeforeEach
    void seed() {
        Fleet.healthy("org-healthy");
    }

    @Test
    void twoConcurrentRunsMeanOne200AndOne409() throws Exception {
        evolution().inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)));
        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> await(start, Fleet::cleanup));
        var second = CompletableFuture.supplyAsync(() -> await(start, Fleet::cleanup));
        start.countDown();

        var statuses = java.util.List.of(first.get().status(), second.get().status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        var conflict = first.get().status() == 409 ? first.get() : second.get();
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/run-in-progress");
        assertThat(evolution().calls("fetchInstances")).as("the skipped run never listed").isOne();

        var runs = Http.get(whatsapp.st.systems.Service.maintenance("/runs?type=cleanup&limit=2"),
                whatsapp.st.systems.Service.admin()).json().getJsonArray("runs");
        assertThat(runs.stream().map(run -> run.asJsonObject().getString("outcome")))
                .containsExactlyInAnyOrder("completed", "skipped");

        evolution().clearFaults();
        assertThat(Fleet.cleanup().status()).as("the lock is released after the run").isEqualTo(200);
    }

    static Http.Answer await(CountDownLatch start, java.util.function.Supplier<Http.Answer> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get();
    }
}
