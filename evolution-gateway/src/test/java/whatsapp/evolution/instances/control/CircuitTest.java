package whatsapp.evolution.instances.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitTest {

    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void opensAfterARunOfFailuresThenLetsOneTrialThrough() {
        var circuit = new Circuit(3, Duration.ofSeconds(5), clock);
        circuit.failed();
        circuit.failed();
        circuit.succeeded(); // a success breaks the run
        circuit.failed();
        circuit.failed();
        assertThat(circuit.allow()).isTrue();
        circuit.failed();
        assertThat(circuit.allow()).isFalse();
        now = now.plusSeconds(5);
        assertThat(circuit.allow()).isTrue();
        assertThat(circuit.allow()).as("one trial at a time").isFalse();
        circuit.failed();
        assertThat(circuit.allow()).as("a failed trial opens it again").isFalse();
        now = now.plusSeconds(5);
        assertThat(circuit.allow()).isTrue();
        circuit.succeeded();
        assertThat(circuit.allow()).isTrue();
        assertThat(circuit.open()).isFalse();
    }
}
