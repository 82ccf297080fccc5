package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Integrations;

/**
 * Restrictions in plain words: a close WhatsApp or the phone imposed (402, 403, 406, 401 by origin) reads as one
 * {@code can_send: false} signal with a plain reason and {@code restricted: true}, the same in the integration, the
 * status report, the history and the alert, all from the one table of close codes.
 */
class CanSendIT extends FleetTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TEMPORARILY_BANNED_402 | temporarily_banned (402) | temporarily banned by WhatsApp",
            "BANNED_403             | forbidden (403)          | blocked by WhatsApp: contact WhatsApp, then scan a new QR code",
            "BANNED_406             | banned (406)             | banned by WhatsApp",
            "DEVICE_REMOVED         | device_removed (401)     | removed from the phone: scan a new QR code",
            "API_LOGOUT             | logout (401)             | logged out through the API: scan a new QR code"})
    void aRestrictionReadsTheSameEverywhere(Disconnect close, String reason, String plain) {
        var organization = "org-cansend-" + close.ordinal();
        try (var receiver = AlertReceiver.start()) {
            var name = Health.paired(organization, Alerts.uniqueNumber());
            var id = Integrations.named(organization, name).orElseThrow().getString("id");
            var connected = Integrations.find(id).json();
            assertThat(connected.getBoolean("can_send")).as("connected: it can send").isTrue();
            assertThat(connected.isNull("cannot_send_reason")).isTrue();
            assertThat(connected.getBoolean("restricted")).isFalse();

            Health.disconnected(name, close, reason);

            var integration = Integrations.find(id).json();
            assertSignal(integration, plain);
            assertThat(integration.getString("disconnect_reason")).isEqualTo(reason);

            var status = Health.status().json().getJsonArray("instances").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("instance_name").equals(name)).findFirst().orElseThrow();
            assertSignal(status, plain);

            var change = Health.changes(name).get(0);
            assertThat(change.getString("to")).isEqualTo("disconnected");
            assertThat(change.getString("reason")).isEqualTo(reason);
            assertSignal(change, plain);

            var notice = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(notice.getString("type")).isEqualTo("instance.disconnected");
            assertSignal(notice, plain);
            assertThat(notice.getString("detail")).contains("cannot send: " + plain);
            var alert = Alerts.about(name);
            assertThat(alert.getBoolean("can_send")).isFalse();
            assertThat(alert.getString("cannot_send_reason")).isEqualTo(plain);

            var sweep = Health.swept();
            assertSignal(Health.entry(sweep, name), plain);
            assertSignal(Integrations.find(id).json(), plain);
        }
    }

    static void assertSignal(JsonObject json, String plain) {
        assertThat(json.getBoolean("can_send")).as(json.toString()).isFalse();
        assertThat(json.getString("cannot_send_reason")).as(json.toString()).isEqualTo(plain);
        assertThat(json.getBoolean("restricted")).as(json.toString()).isTrue();
    }
}
