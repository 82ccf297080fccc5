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
}
