package whatsapp.integrations.lifecycle.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimLeaseTest {

    @Test
    void byDefaultThreeTimesTheWholeClientTimeout() {
        assertThat(ClaimLease.of(Optional.empty(), 2000, 5000)).isEqualTo(Duration.ofSeconds(21));
        assertThat(ClaimLease.of(Optional.empty(), 2000, 2000)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aConfiguredLeaseWins() {
        assertThat(ClaimLease.of(Optional.of(90L), 2000, 5000)).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ClaimLease.of(Optional.of(0L), 2000, 5000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitingBacksOffUpToASecond() {
        assertThat(Backoff.pause(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(Backoff.pause(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(Backoff.pause(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.pause(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.pause(500)).isEqualTo(Duration.ofSeconds(1));
    }
}
