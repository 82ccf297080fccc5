package whatsapp.evolution.instances.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvolutionFleetSetupTest {

    /** A fleet whose setup fails with the given failures in turn, then succeeds. */
    static EvolutionFleet failing(AtomicInteger tries, RuntimeException... failures) {
        var fleet = new EvolutionFleet() {
            @Override
            void configure() {
                int attempt = tries.getAndIncrement();
                if (attempt < failures.length) throw failures[attempt];
            }
        };
        fleet.setupPause = Duration.ZERO;
        return fleet;
    }

    @Test
    void aFailureOfTheServerDuringTheDeploymentIsTriedAgain() {
        var tries = new AtomicInteger();
        var fleet = failing(tries, new IllegalStateException("naming not ready"),
                new java.util.ConcurrentModificationException());

        fleet.start();

        assertThat(tries).hasValue(3);
    }

    @Test
    void aFailureThatLastsFailsTheDeploymentAfterThreeTries() {
        var tries = new AtomicInteger();
        var fleet = failing(tries, new IllegalStateException("1"), new IllegalStateException("2"),
                new IllegalStateException("3"), new IllegalStateException("4"));

        assertThatThrownBy(fleet::start).isInstanceOf(IllegalStateException.class).hasMessage("3");
        assertThat(tries).hasValue(EvolutionFleet.SETUP_ATTEMPTS);
    }

    @Test
    void aConfigurationErrorFailsAtOnce() {
        var tries = new AtomicInteger();
        var fleet = failing(tries, new IllegalArgumentException("EVOLUTION_SERVERS names no server"));

        assertThatThrownBy(fleet::start).isInstanceOf(IllegalArgumentException.class);
        assertThat(tries).hasValue(1);
    }
}
