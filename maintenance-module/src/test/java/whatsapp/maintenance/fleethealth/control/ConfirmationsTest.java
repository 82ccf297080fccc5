package whatsapp.maintenance.fleethealth.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.Lookup;

class ConfirmationsTest {

    record Row(String name, String server) {
    }

    static List<Row> rows(int count, String server) {
        var rows = new ArrayList<Row>();
        for (int i = 0; i < count; i++) rows.add(new Row("clinic-" + i, server));
        return rows;
    }

    @Test
    void confirmationsRunSideBySideAndAnswerInTheRowsOrder() {
        var pool = Executors.newCachedThreadPool();
        try {
            var inFlight = new AtomicInteger();
            var most = new AtomicInteger();
            long start = System.nanoTime();
            var answers = Confirmations.ask(rows(40, "default"), Row::server, row -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                sleep(50);
                inFlight.decrementAndGet();
                return new Lookup.Missing(row.name());
            }, 16, pool);
            long millis = (System.nanoTime() - start) / 1_000_000;
            // one after the other: 40 × 50 ms = 2 s
            assertThat(millis).isLessThan(1500);
            assertThat(most.get()).isGreaterThan(1).isLessThanOrEqualTo(16);
            for (int i = 0; i < 40; i++) assertThat(answers.get(i)).isEqualTo(new Lookup.Missing("clinic-" + i));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterAServerFailsItsOtherConfirmationsAreSkippedAndTheOtherServersAsked() {
        var rows = List.of(new Row("a1", "a"), new Row("b1", "b"), new Row("a2", "a"), new Row("b2", "b"));
        var asked = new ArrayList<String>();
        var answers = Confirmations.ask(rows, Row::server, row -> {
            asked.add(row.name());
            return row.server().equals("a") ? new Lookup.Unavailable("timeout") : new Lookup.Missing(row.name());
        }, 1, Runnable::run);
        assertThat(asked).containsExactly("a1", "b1", "b2");
        assertThat(answers).containsExactly(new Lookup.Unavailable("timeout"), new Lookup.Missing("b1"),
                new Lookup.Unavailable(Confirmations.SKIPPED), new Lookup.Missing("b2"));
    }

    @Test
    void aConfirmationThatThrowsFailsTheWholeAfterTheOthersFinish() {
        var pool = Executors.newCachedThreadPool();
        try {
            assertThatThrownBy(() -> Confirmations.ask(rows(10, "default"), Row::server, row -> {
                if (row.name().equals("clinic-3")) throw new IllegalStateException("boom");
                return new Lookup.Missing(row.name());
            }, 4, pool)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noRowsAskNothing() {
        assertThat(Confirmations.ask(List.<Row>of(), Row::server, row -> {
            throw new AssertionError();
        }, 16, Runnable::run)).isEmpty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
