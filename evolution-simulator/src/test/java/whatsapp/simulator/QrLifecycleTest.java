package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** QR codes rotate, carry pairing codes when a number was given, and give up after the limit, as in 2.3.6. */
class QrLifecycleTest extends SimulatorTests {

    WebhookReceiver receiver;

    @BeforeEach
    void listen() throws Exception {
        simulator.webhookPolicy(2, Duration.ofMillis(20), Duration.ofSeconds(2));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopListening() {
        receiver.close();
    }

    @Test
    void codesRotateAndTheLimitSendsBothGiveUpWebhooks() throws Exception {
        simulator.qrRotation(Duration.ofMillis(150));
        simulator.qrLimit(3);
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of(), List.of()));

        var first = evolution.get("/instance/connect/clinic").json();

        var refused = receiver.await(r -> "refused".equals(r.body().at("/data/state").asText()), 1);
        assertThat(refused).hasSize(1);
        var qrEvents = receiver.received().stream().filter(r -> r.event().equals("qrcode.updated")).toList();
        assertThat(qrEvents).hasSize(4);
        var codes = qrEvents.subList(0, 3).stream().map(r -> r.body().at("/data/qrcode/code").asText()).distinct().toList();
        assertThat(codes).hasSize(3).contains(first.path("code").asText());
        var limit = qrEvents.get(3).body().path("data");
        assertThat(limit.path("message").asText()).isEqualTo("QR code limit reached, please login again");
        assertThat(limit.path("statusCode").asInt()).isEqualTo(500);
        assertThat(limit.has("qrcode")).isFalse();
        assertThat(refused.get(0).body().at("/data/statusReason").asInt()).isEqualTo(428);
        assertThat(refused.get(0).body().at("/data/wuid").isMissingNode()).isTrue();

        var view = simulator.instance("clinic").orElseThrow();
        assertThat(view.state()).isEqualTo("close");
        assertThat(view.connectionStatus()).as("Evolution's row stays connecting").isEqualTo("connecting");
        Thread.sleep(400);
        assertThat(receiver.received().stream().filter(r -> r.event().equals("qrcode.updated"))).hasSize(4);
    }

    @Test
    void aSessionKeepsTheRotationAndLimitItStartedWith() throws Exception {
        simulator.qrRotation(Duration.ofMillis(100));
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of(), List.of()));
        evolution.get("/instance/connect/clinic");
        simulator.qrRotation(Duration.ofSeconds(45));
        simulator.qrLimit(1);

        var updates = receiver.await(r -> r.event().equals("qrcode.updated"), 3);

        assertThat(updates).as("codes every 100 ms, not 45 s, and no give-up after one").hasSize(3)
                .allMatch(r -> r.body().at("/data/qrcode/code").isTextual());
    }

    @Test
    void pairingStopsTheRotation() throws Exception {
        simulator.qrRotation(Duration.ofMillis(100));
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of(), List.of()));
        evolution.get("/instance/connect/clinic");
        receiver.await(r -> r.event().equals("qrcode.updated"), 2);

        simulator.pair("clinic", "5511999990000");
        Thread.sleep(300);
        var after = receiver.received().size();
        Thread.sleep(300);

        assertThat(receiver.received()).hasSize(after);
        assertThat(simulator.instance("clinic").orElseThrow().state()).isEqualTo("open");
    }

    @Test
    void aNumberGetsANewPairingCodeWithEveryCode() throws Exception {
        simulator.qrRotation(Duration.ofMillis(100));
        simulator.seed(SeedInstance.named("clinic").webhook(receiver.url(), Map.of(), List.of()));

        var first = evolution.get("/instance/connect/clinic?number=5511999990000").json();
        var again = evolution.get("/instance/connect/clinic?number=5511888880000").json();

        assertThat(first.path("pairingCode").asText()).matches("[A-Z0-9]{8}");
        var updates = receiver.await(r -> r.event().equals("qrcode.updated"), 3);
        var pairingCodes = updates.stream().map(r -> r.body().at("/data/qrcode/pairingCode").asText()).toList();
        assertThat(pairingCodes).allMatch(code -> code.matches("[A-Z0-9]{8}")).doesNotHaveDuplicates();
        assertThat(again.path("pairingCode").asText()).as("connecting: the number is ignored, same code")
                .isIn(pairingCodes);
    }

    @Test
    void theQrImageDecodesToTheCode() throws Exception {
        simulator.seed(SeedInstance.named("clinic"));
        var qr = evolution.get("/instance/connect/clinic").json();

        var base64 = qr.path("base64").asText();
        assertThat(base64).startsWith("data:image/png;base64,");
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64.substring(base64.indexOf(',') + 1))));
        assertThat(image.getWidth()).isGreaterThan(100);
        var pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(qr.path("code").asText());
    }
}
