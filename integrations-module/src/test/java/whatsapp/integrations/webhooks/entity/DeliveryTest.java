package whatsapp.integrations.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.web.problems.boundary.InvalidInput;

class DeliveryTest {

    static final Instant NOW = Instant.parse("2025-11-16T08:14:28Z");

    static JsonObject fixture(String name) throws Exception {
        try (InputStream in = DeliveryTest.class.getResourceAsStream("/evolution/" + name)) {
            return Json.createReader(in).readObject();
        }
    }

    @Test
    void aTerminalCloseIsADisconnectionWhoseReasonAwaitsTheDisconnectionObject() throws Exception {
        var delivery = Delivery.of(fixture("webhook-connection-update-close-401.json"));
        assertThat(delivery.dateTime()).isEqualTo(Instant.parse("2025-11-16T08:14:27.961Z"));
        var seen = delivery.observation(NOW).orElseThrow();
        assertThat(seen.instanceName()).isEqualTo("clinic-lmn-321-1763140000000");
        assertThat(seen.status()).isEqualTo("disconnected");
        assertThat(seen.disconnectReason()).isEqualTo(CloseReasons.LOGGED_OUT);
        assertThat(seen.observedAt()).isEqualTo(NOW);
    }

    @Test
    void openCarriesThePairedNumber() {
        var body = Json.createObjectBuilder().add("event", "connection.update").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z")
                .add("data", Json.createObjectBuilder().add("state", "open").add("wuid", "5511999990000:12@s.whatsapp.net"))
                .build();
        var seen = Delivery.of(body).observation(NOW).orElseThrow();
        assertThat(seen.status()).isEqualTo("connected");
        assertThat(seen.phoneNumber()).isEqualTo("5511999990000");
    }

    @Test
    void otherEventsChangeNothingAndBrokenEnvelopesAreRefused() {
        var body = Json.createObjectBuilder().add("event", "messages.upsert").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z").build();
        assertThat(Delivery.of(body).observation(NOW)).isEmpty();
        assertThatThrownBy(() -> Delivery.of(Json.createObjectBuilder().add("event", "connection.update").build()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Delivery.of(Json.createObjectBuilder().add("event", "x").add("instance", "y")
                .add("date_time", "yesterday").build())).isInstanceOf(InvalidInput.class);
    }
}
