package whatsapp.evolution.webhooks.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.Recorded;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.Status;

class WebhookDeliveryTest {

    static final Instant NOW = Instant.parse("2025-11-16T08:14:28Z");

    @Test
    void aTerminalCloseIsADisconnectionWhoseReasonAwaitsTheDisconnectionObject() {
        var delivery = WebhookDelivery.of(Recorded.object("v2/webhook-connection-update-close-401.json"));
        assertThat(delivery.dateTime()).isEqualTo(Instant.parse("2025-11-16T08:14:27.961Z"));
        var seen = delivery.observation(NOW).orElseThrow();
        assertThat(seen.instanceName()).isEqualTo("clinic-lmn-321-1763140000000");
        assertThat(seen.status()).isEqualTo(Status.disconnected);
        assertThat(seen.disconnectReason()).isEqualTo(CloseReason.LOGGED_OUT);
        assertThat(seen.observedAt()).isEqualTo(NOW);
    }

    @Test
    void aWebhookAndASweepOfTheSameDisconnectionGiveTheSameReason() {
        for (int code : List.of(402, 403, 406, 440, 428, 408, 500, 515, 599)) {
            var webhook = WebhookDelivery.of(close("clinic-a-1", code)).observation(NOW).orElseThrow();
            var listed = EvolutionInstance.from(Json.createObjectBuilder().add("name", "clinic-a-1")
                    .add("connectionStatus", "close").add("disconnectionReasonCode", code).build()).observation(NOW).orElseThrow();
            assertThat(webhook.disconnectReason()).as("code %d", code).isEqualTo(listed.disconnectReason()).endsWith("(" + code + ")");
            assertThat(webhook.status()).isEqualTo(listed.status()).isEqualTo(Status.disconnected);
        }
        var webhook401 = WebhookDelivery.of(close("clinic-a-1", 401)).observation(NOW).orElseThrow();
        var listed401 = EvolutionInstance.from(Json.createObjectBuilder().add("name", "clinic-a-1")
                .add("connectionStatus", "close").add("disconnectionReasonCode", 401).build()).observation(NOW).orElseThrow();
        assertThat(webhook401.disconnectReason()).isEqualTo(listed401.disconnectReason()).isEqualTo(CloseReason.LOGGED_OUT);
    }

    @Test
    void openCarriesThePairedNumber() {
        var body = Json.createObjectBuilder().add("event", "connection.update").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z")
                .add("data", Json.createObjectBuilder().add("state", "open").add("wuid", "5511999990000:12@s.whatsapp.net"))
                .build();
        var seen = WebhookDelivery.of(body).observation(NOW).orElseThrow();
        assertThat(seen.status()).isEqualTo(Status.connected);
        assertThat(seen.phoneNumber()).isEqualTo("5511999990000");
    }

    @Test
    void aRefusedQrAndAnExhaustedQrLimitAreDisconnections() {
        var refused = Json.createObjectBuilder().add("event", "connection.update").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z")
                .add("data", Json.createObjectBuilder().add("state", "refused").add("statusReason", 428)).build();
        assertThat(WebhookDelivery.of(refused).observation(NOW).orElseThrow().disconnectReason()).isEqualTo(CloseReason.QR_REFUSED);
        var limit = Json.createObjectBuilder().add("event", "qrcode.updated").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z").add("data", Json.createObjectBuilder()).build();
        var seen = WebhookDelivery.of(limit).observation(NOW).orElseThrow();
        assertThat(seen.status()).isEqualTo(Status.disconnected);
        assertThat(seen.disconnectReason()).isEqualTo(CloseReason.QR_LIMIT_REACHED);
    }

    @Test
    void otherEventsChangeNothingAndBrokenEnvelopesAreRefused() {
        var body = Json.createObjectBuilder().add("event", "messages.upsert").add("instance", "clinic-a-1")
                .add("date_time", "2025-11-16T08:14:27.961Z").build();
        assertThat(WebhookDelivery.of(body).observation(NOW)).isEmpty();
        assertThatThrownBy(() -> WebhookDelivery.of(Json.createObjectBuilder().add("event", "connection.update").build()))
                .isInstanceOf(WebhookDelivery.Malformed.class).hasMessage("is required")
                .satisfies(e -> assertThat(((WebhookDelivery.Malformed) e).field).isEqualTo("instance"));
        assertThatThrownBy(() -> WebhookDelivery.of(Json.createObjectBuilder().add("event", "x").add("instance", "y")
                .add("date_time", "yesterday").build())).isInstanceOf(WebhookDelivery.Malformed.class);
    }

    static JsonObject close(String instance, int code) {
        return Json.createObjectBuilder().add("event", "connection.update").add("instance", instance)
                .add("date_time", "2025-11-16T08:14:27.961Z")
                .add("data", Json.createObjectBuilder().add("state", "close").add("statusReason", code)).build();
    }
}
