package whatsapp.maintenance.liveness.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbePaceTest {

    static final Duration TICK = Duration.ofSeconds(10);
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void aSmallFleetIsSpreadOverThePeriod() {
        assertThat(ProbePace.quota(360, TICK, HALF_HOUR, 2)).isEqualTo(2);   // 360 in 180 ticks
        assertThat(ProbePace.quota(1, TICK, HALF_HOUR, 2)).as("rounded up: never starved").isEqualTo(1);
        assertThat(ProbePace.quota(0, TICK, HALF_HOUR, 2)).isZero();
    }

    @Test
    void theRateCapWinsOverThePeriod() {
        // 10,000 in 30 minutes would need 56 a tick; 2 a second allow 20
        assertThat(ProbePace.quota(10_000, TICK, HALF_HOUR, 2)).isEqualTo(20);
    }
}
