package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * A disconnection reads the same whoever saw it: the close webhook records a reason, and the next fleet sweep, which
 * reads Evolution's stored disconnection fields, leaves the same reason in place instead of rewriting it.
 */
class DisconnectReasonIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @ParameterizedTest
    @EnumSource(value = Disconnect.class, names = {"DEVICE_REMOVED", "API_LOGOUT", "BANNED_403"})
    void aWebhookAndASweepOfTheSameDisconnectionGiveTheSameReason(Disconnect reason) {
        var integration = Integrations.createFor("org-reason-" + reason.code() + "-" + reason.ordinal());
        var id = integration.getString("id");
        var name = integration.getString("instance_name");
        evolution.pair(name, "55119999" + String.format("%05d", 70000 + reason.ordinal()));
        Poll.until(() -> "connected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                "the open webhook to connect the integration");

        evolution.disconnect(name, reason);
        Poll.until(() -> "disconnected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                "the close webhook to disconnect the integration");
        var byWebhook = Integrations.find(id).json().getString("disconnect_reason");
        assertThat(byWebhook).endsWith("(" + reason.code() + ")");

        var sweep = Http.post(Service.maintenance("/health-check"), Service.admin(), null, "");
        assertThat(sweep.status()).isEqualTo(200);
        assertThat(Integrations.find(id).json().getString("disconnect_reason")).isEqualTo(byWebhook);
    }
}
