package whatsapp.integrations.lifecycle.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitersTest {

    @Test
    void atMostMaxWaitPerOrganization() {
        var waiters = new Waiters();
        for (int i = 0; i < 8; i++) assertThat(waiters.enter("org-1", 8)).isTrue();
        assertThat(waiters.enter("org-1", 8)).isFalse();
        assertThat(waiters.enter("org-2", 8)).as("another organization").isTrue();
        waiters.leave("org-1");
        assertThat(waiters.enter("org-1", 8)).isTrue();
        assertThat(waiters.of("org-1")).isEqualTo(8);
        for (int i = 0; i < 8; i++) waiters.leave("org-1");
        assertThat(waiters.of("org-1")).isZero();
        assertThat(waiters.waiting).containsOnlyKeys("org-2");
    }

    @Test
    void concurrentEntriesNeverExceedTheCap() throws Exception {
        var waiters = new Waiters();
        var entered = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 64; i++) pool.submit(() -> {
            if (waiters.enter("org-1", 8)) entered.incrementAndGet();
        });
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(entered).hasValue(8);
        assertThat(waiters.of("org-1")).isEqualTo(8);
    }
}
