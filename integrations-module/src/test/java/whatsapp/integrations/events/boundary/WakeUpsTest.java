package whatsapp.integrations.events.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeUpsTest {

    final AtomicBoolean queued = new AtomicBoolean();
    final List<Runnable> queue = new ArrayList<>();
    final AtomicInteger runs = new AtomicInteger();

    @Test
    void aBurstOfRequestsQueuesOneTask() {
        for (int i = 0; i < 20_000; i++) WakeUps.once(queued, queue::add, runs::incrementAndGet);
        assertThat(queue).hasSize(1);
        queue.remove(0).run();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRequestWhileTheTaskRunsQueuesTheNext() {
        WakeUps.once(queued, queue::add, () -> {
            runs.incrementAndGet();
            WakeUps.once(queued, queue::add, runs::incrementAndGet);   // a commit while it works
        });
        queue.remove(0).run();
        assertThat(queue).as("the commit during the run has a task of its own").hasSize(1);
        queue.remove(0).run();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aRefusedTaskLeavesTheWayOpenForTheNextRequest() {
        WakeUps.once(queued, task -> {
            throw new RejectedExecutionException("saturated");
        }, runs::incrementAndGet);
        WakeUps.once(queued, queue::add, runs::incrementAndGet);
        assertThat(queue).hasSize(1);
    }
}
