package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.SeedInstance;

/**
 * Alerts found by a sweep (webhooks lost): a disconnection or a duplicate number, one unresolved alert per instance,
 * no new one within the cooldown, one grouped message when more than five come at once, a resolved notice when the
 * instance is connected again.
 */
class HealthAlertsIT extends FleetTests {

    static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void aDeviceRemovedAlertsOnceResolvesOnReconnectAndTheCooldownHoldsAcrossSweeps() {
        var name = paired("org-alert", 1);
        try (var receiver = AlertReceiver.start()) {
            assertThat(Health.swept().getInt("alerts_sent")).as("connected: nothing to say").isZero();
            evolution().disconnect(name, Disconnect.DEVICE_REMOVED);

            var summary = Health.swept();

            assertThat(summary.getInt("alerts_sent")).isOne();
            var alert = receiver.await(name, "raised", SOON);
            assertThat(alert.getString("type")).isEqualTo("instance.disconnected");
            assertThat(alert.getString("organization_id")).isEqualTo("org-alert");
            assertThat(alert.getString("reason")).isEqualTo("device_removed (401)");
            assertThat(alert.getBoolean("needs_repairing")).isTrue();
            assertThat(alert.getString("alert_id")).isNotBlank();
            var integrationId = whatsapp.st.systems.Integrations.named("org-alert", name).orElseThrow().getString("id");
            assertThat(alert.getString("pairing_url")).as("the frontend's link to pair again, never the QR itself")
                    .isEqualTo("https://app.example.test/orgs/org-alert/whatsapp/" + integrationId + "/pair");

            evolution().pair(name, Health.NUMBER);
            Health.swept();
            var resolved = receiver.await(name, "resolved", SOON);
            assertThat(resolved.getString("alert_id")).isEqualTo(alert.getString("alert_id"));
            assertThat(resolved.getString("resolution")).isEqualTo("connected again");

            evolution().disconnect(name, Disconnect.DEVICE_REMOVED);
            Health.swept();
            Health.swept();
            assertThat(receiver.settled().notices(name, "raised")).as("a second disconnection within the cooldown stays quiet").hasSize(1);
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
            receiver.await(names.get(6), "raised", SOON);
            var grouped = receiver.settled().alerts().stream().filter(a -> a.containsKey("alerts")
                    && a.getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                    .anyMatch(n -> names.get(0).equals(n.getString("instance_name", null)))).toList();
            assertThat(grouped).as("one message, not seven").hasSize(1);
            var alert = grouped.get(0);
            assertThat(alert.getString("type")).isEqualTo("instances.attention_needed");
            assertThat(alert.getInt("count")).isGreaterThanOrEqualTo(7);
            assertThat(alert.getJsonArray("alerts").getValuesAs(JsonObject.class))
                    .extracting(a -> a.getString("instance_name", "")).containsAll(names);
            assertThat(Alerts.open()).extracting(a -> a.getString("instance_name")).containsAll(names);

            Health.swept();
            for (var name : names) assertThat(receiver.settled().notices(name, "raised")).hasSize(1);
        }
    }

    @Test
    void aDuplicateNumberIsAlertedOnceWithinTheCooldown() {
        var number = Alerts.uniqueNumber();   // a number alert is about the number: no other test's may share it
        var kept = Health.paired("org-dup", number);
        var other = name("org-dup", OLD);
        evolution().seed(SeedInstance.named(other).status("open").ownerJid(number + ":3@s.whatsapp.net").createdAt(OLD));
        try (var receiver = AlertReceiver.start()) {
            Health.swept();
            Health.swept();

            var alert = receiver.await(kept, "raised", SOON);
            assertThat(receiver.settled().notices(kept, "raised")).hasSize(1);
            assertThat(alert.getString("type")).isEqualTo("instance.duplicate_number");
            assertThat(alert.getString("phone_number")).isEqualTo(number);
            assertThat(alert.getJsonArray("instances").getValuesAs(JsonString::getString)).containsExactlyInAnyOrder(kept, other);
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
