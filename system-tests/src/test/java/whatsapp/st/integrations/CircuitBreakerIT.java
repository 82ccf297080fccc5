package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class CircuitBreakerIT {

    @Test
    void anOpenCircuitMeansUnavailableNeverMissing() {
        var evolution = Stack.get().simulator().orElseThrow();
        var existing = Integrations.createFor("org-circuit-1");
        evolution.inject(Fault.status("*", 500));
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(Integrations.create("org-circuit-1", Service.admin()).status()).isEqualTo(503);
            }
        } finally {
            evolution.clearFaults();
        }
        evolution.resetCalls();

        var whileOpen = Integrations.create("org-circuit-1", Service.admin());
        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(whileOpen.json().getString("detail")).contains("circuit open");
        assertThat(evolution.calls("fetchInstances") + evolution.calls("connectionState")).as("no call while open").isZero();
        assertThat(Integrations.find(existing.getString("id")).json().getBoolean("enabled")).isTrue();
        assertThat(Integrations.of("org-circuit-1")).hasSize(1);

        Poll.until(() -> Integrations.create("org-circuit-1", Service.admin()).status() == 200, Duration.ofSeconds(30),
                "the circuit to close again");
    }
}
