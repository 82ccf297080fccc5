package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;

/**
 * Alerts to ALERT_WEBHOOK_URL: a disconnection or a duplicate number, at most once per instance per cooldown
 * window (stamped in the database), and one grouped alert when more than five problems come at once.
 */
class HealthAlertsIT extends FleetTests {

    @Test
    void aDeviceRemovedAlertsOnceAndTheCooldownHoldsAcrossSweeps() {
        var name = paired("org-alert", 1);
        try (var receiver = AlertReceiver.start()) {
            assertThat(Health.swept().getInt("alerts_sent")).as("connected: nothing to say").isZero();
            evolution().disconnect(name, Disconnect.DEVICE_REMOVED);

            var summary = Health.swept();

            assertThat(summary.getInt("alerts_sent")).isOne();
            assertThat(receiver.alerts()).hasSize(1);
            var alert = receiver.alerts().get(0);
            assertThat(alert.getString("type")).isEqualTo("instance.disconnected");
            assertThat(alert.getString("instance_name")).isEqualTo(name);
            assertThat(alert.getString("organization_id")).isEqualTo("org-alert");
            assertThat(alert.getString("reason")).isEqualTo("device_removed (401)");
            assertThat(alert.getBoolean("needs_repairing")).isTrue();
            assertThat(Database.alertStamps(List.of(name))).isOne();

            evolution().pair(name, Health.NUMBER);
            Health.swept();
            evolution().disconnect(name, Disconnect.DEVICE_REMOVED);
            Health.swept();
            Health.swept();

            assertThat(receiver.alerts()).as("a second disconnection within the cooldown stays quiet").hasSize(1);
        }
    }

    @Test
    void aDisconnectionAlreadyRecordedByAWebhookIsAlertedByTheNextSweep() {
        var name = Health.paired("org-webhook", Health.NUMBER);
        Health.disconnected(name, Disconnect.DEVICE_REMOVED, "device_removed (401)");
        try (var receiver = AlertReceiver.start()) {
            var summary = Health.swept();

            assertThat(summary.getInt("status_changes")).isZero();
            assertThat(receiver.alerts()).hasSize(1);
            assertThat(receiver.alerts().get(0).getString("instance_name")).isEqualTo(name);
        }
    }

    @Test
    void manyInstancesDroppingAtOnceMakeOneGroupedAlert() {
        var names = new ArrayList<String>();
        for (int i = 1; i <= 7; i++) names.add(paired("org-storm-" + i, i));
        try (var receiver = AlertReceiver.start()) {
            Health.swept();
            for (var name : names) evolution().disconnect(name, Disconnect.DEVICE_REMOVED);

            var summary = Health.swept();

            assertThat(summary.getInt("status_changes")).isEqualTo(7);
            assertThat(receiver.alerts()).as("one alert, not seven").hasSize(1);
            var alert = receiver.alerts().get(0);
            assertThat(alert.getString("type")).isEqualTo("instances.attention_needed");
            assertThat(alert.getInt("count")).isEqualTo(7);
            assertThat(alert.getJsonArray("alerts").getValuesAs(JsonObject.class))
                    .extracting(a -> a.getString("instance_name")).containsExactlyInAnyOrderElementsOf(names);
            assertThat(Database.alertStamps(names)).isEqualTo(7);

            Health.swept();
            assertThat(receiver.alerts()).hasSize(1);
        }
    }

    @Test
    void aDuplicateNumberIsAlertedOnceWithinTheCooldown() {
        var kept = Health.paired("org-dup", Health.NUMBER);
        var other = name("org-dup", OLD);
        evolution().seed(SeedInstance.named(other).status("open").ownerJid(Health.NUMBER + ":3@s.whatsapp.net").createdAt(OLD));
        try (var receiver = AlertReceiver.start()) {
            Health.swept();
            Health.swept();

            assertThat(receiver.alerts()).hasSize(1);
            var alert = receiver.alerts().get(0);
            assertThat(alert.getString("type")).isEqualTo("instance.duplicate_number");
            assertThat(alert.getString("phone_number")).isEqualTo(Health.NUMBER);
            assertThat(alert.getJsonArray("instances").getValuesAs(JsonString::getString)).containsExactlyInAnyOrder(kept, other);
        }
    }

    @Test
    void anUndeliveredAlertIsTriedAgainByTheNextSweep() {
        var name = paired("org-retry", 1);
        Health.swept();
        evolution().disconnect(name, Disconnect.DEVICE_REMOVED);
        assertThat(Health.swept().getInt("alerts_sent")).as("no receiver listening").isZero();

        try (var receiver = AlertReceiver.start()) {
            Health.swept();
            assertThat(receiver.alerts()).hasSize(1);
        }
    }

    /**
     * An integration created through the API and paired with number 55119(10000000 + i), whose webhooks are then
     * lost: its disconnections are the sweep's to find.
     */
    static String paired(String organization, int i) {
        var name = Health.paired(organization, "55119" + (10_000_000 + i));
        Health.webhooksLost(name);
        return name;
    }
}
