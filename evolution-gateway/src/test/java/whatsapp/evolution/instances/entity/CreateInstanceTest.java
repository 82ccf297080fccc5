package whatsapp.evolution.instances.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.Recorded;

class CreateInstanceTest {

    @Test
    void alwaysBaileysWithoutQrAndWithEventsInTheWebhook() {
        var body = new CreateInstance("clinic-abc-1", "https://svc.example/hooks", Map.of("x-evolution-secret", "s3cr3t"),
                List.of()).toJson();
        assertThat(body.getString("integration")).isEqualTo("WHATSAPP-BAILEYS");
        assertThat(body.getBoolean("qrcode")).isFalse();
        var webhook = body.getJsonObject("webhook");
        assertThat(webhook.getString("url")).isEqualTo("https://svc.example/hooks");
        assertThat(webhook.getJsonArray("events")).isEmpty();
        assertThat(webhook.getBoolean("byEvents")).isFalse();
        assertThat(webhook.getBoolean("base64")).isFalse();
        assertThat(webhook.getJsonObject("headers").getString("x-evolution-secret")).isEqualTo("s3cr3t");
    }

    @Test
    void secretsStayOutOfToString() {
        var request = new CreateInstance("clinic-abc-1", "https://svc.example/hooks", Map.of("x-evolution-secret", "s3cr3t"),
                List.of("CONNECTION_UPDATE"));
        assertThat(request.toString()).contains("x-evolution-secret").doesNotContain("s3cr3t");
        var created = Creation.Created.of("clinic-abc-123-1763224272772", Recorded.object("v2/create-201.json"));
        assertThat(created.token()).isEqualTo("B7E4C2A1-9D3F-4E8B-A6C5-1F2E3D4C5B6A");
        assertThat(created.instanceId()).isEqualTo("3f6d2a9e-8c41-4b7a-9f0e-5d2c7b1a4e63");
        assertThat(created.status()).isEqualTo("connecting");
        assertThat(created.toString()).doesNotContain("B7E4C2A1");
    }

    @Test
    void pairingReadsTheQrOrTheOpenState() {
        var qr = Pairing.of("clinic-abc-1", Recorded.object("v2/create-201.json").getJsonObject("qrcode"));
        assertThat(qr).isInstanceOfSatisfying(Pairing.QrCode.class, code -> {
            assertThat(code.count()).isEqualTo(1);
            assertThat(code.base64()).startsWith("data:image/png;base64,");
            assertThat(code.toString()).doesNotContain(code.code());
        });
        assertThat(Pairing.of("clinic-abc-123-1763224272772", Recorded.object("v2/connection-state.json")))
                .isEqualTo(new Pairing.AlreadyConnected("clinic-abc-123-1763224272772"));
    }
}
