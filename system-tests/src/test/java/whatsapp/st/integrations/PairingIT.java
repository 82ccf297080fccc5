package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class PairingIT {

    @Test
    void qrUntilPairedThenConflict() {
        var integration = Integrations.createFor("org-qr-1");
        String id = integration.getString("id");
        var qr = Http.get(Service.integrations("/" + id + "/qr"), Service.member("org-qr-1"));
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.json().getString("instance_name")).isEqualTo(integration.getString("instance_name"));
        assertThat(qr.json().getString("qr_base64")).startsWith("data:image/png;base64,");

        Stack.get().simulator().orElseThrow().pair(integration.getString("instance_name"), "5511988887777");
        var connected = Http.get(Service.integrations("/" + id + "/qr"), Service.admin());
        assertThat(connected.status()).isEqualTo(409);
        assertThat(connected.isProblem()).isTrue();
    }

    @Test
    void twoPairingRequestsNeverOverlapInEvolution() throws Exception {
        var evolution = Stack.get().simulator().orElseThrow();
        var integration = Integrations.createFor("org-qr-2");
        String url = Service.integrations("/" + integration.getString("id") + "/qr");
        evolution.resetCalls();
        evolution.inject(whatsapp.simulator.Fault.latency("connect", java.time.Duration.ofMillis(1200)));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> Http.get(url, Service.admin()));
            Thread.sleep(300);
            var second = pool.submit(() -> Http.get(url, Service.admin()));
            assertThat(java.util.List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(200, 409);
        } finally {
            evolution.clearFaults();
            pool.shutdownNow();
        }
        assertThat(evolution.calls("connect")).as("one connect call reached Evolution").isEqualTo(1);
        assertThat(Http.get(url, Service.admin()).status()).as("the lease is released afterwards").isEqualTo(200);
    }
}
