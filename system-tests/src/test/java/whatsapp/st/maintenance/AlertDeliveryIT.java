package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Alerts raised where the change is recorded: a webhook's device removal or logout is at the receiver within
 * seconds with no sweep (the stack's timers are off), and so is a number paired twice; a reconnect resolves it, a refusing receiver gets the same
 * notice again until it accepts it, a kill -9 between the change and the delivery loses nothing, and an operator's
 * acknowledgement stops the reminders.
 */
class AlertDeliveryIT extends FleetTests {

    static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    @Test
    void aDeviceRemovedOrLogoutWebhookAlertsWithinSecondsAndAReconnectResolvesIt() {
        var number = Alerts.uniqueNumber();
        var removed = Health.paired("org-wh-alert", number);
        var loggedOut = Health.paired("org-wh-logout", Alerts.uniqueNumber());
        try (var receiver = AlertReceiver.start()) {
            Health.disconnected(removed, Disconnect.DEVICE_REMOVED, "device_removed (401)");
            var alert = receiver.await(removed, "raised", WITHIN_SECONDS);
            assertThat(alert.getString("type")).isEqualTo("instance.disconnected");
            assertThat(alert.getString("reason")).isEqualTo("device_removed (401)");
            assertThat(alert.getString("state")).isEqualTo("open");

            evolution().disconnect(loggedOut, Disconnect.API_LOGOUT);
            assertThat(receiver.await(loggedOut, "raised", WITHIN_SECONDS).getBoolean("needs_repairing")).isTrue();

            evolution().pair(removed, number);
            var resolved = receiver.await(removed, "resolved", WITHIN_SECONDS);
            assertThat(resolved.getString("alert_id")).isEqualTo(alert.getString("alert_id"));
            assertThat(resolved.getString("notice_id")).isNotEqualTo(alert.getString("notice_id"));
            assertThat(Alerts.about(removed).getString("state")).isEqualTo("resolved");
            assertThat(Alerts.about(loggedOut).getString("state")).isEqualTo("open");
        }
    }

    @Test
    void aBanAlertsWithinSeconds() {
        var name = Health.paired("org-wh-ban", Alerts.uniqueNumber());
        try (var receiver = AlertReceiver.start()) {
            Health.disconnected(name, Disconnect.BANNED_403, "forbidden (403)");
            var alert = receiver.await(name, "raised", WITHIN_SECONDS);
            assertThat(alert.getString("reason")).isEqualTo("forbidden (403)");
            assertThat(alert.getString("organization_id")).isEqualTo("org-wh-ban");
        }
    }

    @Test
    void aNumberPairedWithASecondIntegrationAlertsWithinSeconds() {
        var number = Alerts.uniqueNumber();
        var first = Health.paired("org-wh-dup-1", number);
        try (var receiver = AlertReceiver.start()) {
            var second = Health.paired("org-wh-dup-2", number);

            var alert = receiver.await(second, "raised", WITHIN_SECONDS);
            assertThat(alert.getString("type")).isEqualTo("instance.duplicate_number");
            assertThat(alert.getString("phone_number")).isEqualTo(number);
            assertThat(alert.getJsonArray("instances").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aRefusedAlertIsRetriedWithTheSameIdsUntilTheReceiverAcceptsIt() {
        var name = Health.paired("org-wh-retry", Alerts.uniqueNumber());
        try (var receiver = AlertReceiver.start().failFirst(name, 500, 500, 500)) {
            Health.disconnected(name, Disconnect.DEVICE_REMOVED, "device_removed (401)");

            var accepted = receiver.await(name, "raised", Duration.ofSeconds(30));

            assertThat(receiver.settled().notices(name, "raised")).as("one delivery seen").hasSize(1);
            var tries = receiver.attemptsAbout(name);
            assertThat(tries).hasSize(4);
            assertThat(tries).extracting(t -> t.getString("alert_id")).containsOnly(accepted.getString("alert_id"));
            assertThat(tries).extracting(t -> t.getString("notice_id")).containsOnly(accepted.getString("notice_id"));
            assertThat(Alerts.about(name).getInt("undelivered")).isZero();
        }
    }

    @Test
    void anAlertRecordedBeforeAKillMinus9IsDeliveredAfterTheRestart() throws Exception {
        var name = Health.paired("org-wh-kill", Alerts.uniqueNumber());
        // no receiver listening: the alert is recorded with the change, its delivery refused
        Health.disconnected(name, Disconnect.DEVICE_REMOVED, "device_removed (401)");
        Poll.until(() -> Alerts.about(name).getInt("undelivered") == 1 && Alerts.about(name).containsKey("last_failure"),
                Duration.ofSeconds(10), "a refused delivery");
        var alertId = Alerts.about(name).getString("id");

        Stack.get().server().kill();
        Stack.get().server().start(Duration.ofSeconds(180));

        try (var receiver = AlertReceiver.start()) {
            var alert = receiver.await(name, "raised", Duration.ofSeconds(20));
            assertThat(alert.getString("alert_id")).isEqualTo(alertId);
            assertThat(receiver.settled().notices(name, "raised")).hasSize(1);
        }
    }

    @Test
    void anAcknowledgedAlertIsNotRepeatedAndItsAcknowledgementIsAudited() {
        var quiet = Health.paired("org-ack-1", Alerts.uniqueNumber());
        var repeated = Health.paired("org-ack-2", Alerts.uniqueNumber());
        try (var receiver = AlertReceiver.start()) {
            Health.disconnected(quiet, Disconnect.DEVICE_REMOVED, "device_removed (401)");
            Health.disconnected(repeated, Disconnect.DEVICE_REMOVED, "device_removed (401)");
            receiver.await(quiet, "raised", WITHIN_SECONDS);
            receiver.await(repeated, "raised", WITHIN_SECONDS);
            assertThat(Alerts.open()).extracting(a -> a.getString("instance_name")).contains(quiet, repeated);

            var id = Alerts.about(quiet).getString("id");
            var acknowledged = Alerts.acknowledge(id, Service.admin());
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(acknowledged.json().getString("state")).isEqualTo("acknowledged");
            assertThat(acknowledged.json().getString("acknowledged_by")).isEqualTo("alice");
            assertThat(Alerts.acknowledge(id, Service.admin()).json().getString("acknowledged_at"))
                    .as("twice changes nothing").isEqualTo(acknowledged.json().getString("acknowledged_at"));
            assertThat(Alerts.listed("?state=acknowledged")).extracting(a -> a.getString("id")).contains(id);
            assertThat(Alerts.open()).extracting(a -> a.getString("id")).doesNotContain(id);
            assertThat(Integrations.audit("org-ack-1")).filteredOn(e -> "alert.acknowledged".equals(e.getString("action")))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getString("actor")).isEqualTo("alice");
                        assertThat(e.getString("instance_name")).isEqualTo(quiet);
                    });

            whatsapp.st.systems.Database.alertsOfADayAgo(quiet);
            whatsapp.st.systems.Database.alertsOfADayAgo(repeated);
            Health.swept();

            assertThat(receiver.await(repeated, "reminder", WITHIN_SECONDS).getString("alert_id"))
                    .isEqualTo(Alerts.about(repeated).getString("id"));
            assertThat(receiver.settled().notices(quiet, "reminder")).as("acknowledged: no reminder").isEmpty();
        }
    }

    @Test
    void badQueriesAreRefusedAndOnlyAdminsSeeAlerts() {
        for (var query : new String[] {"?state=closed", "?limit=0", "?limit=501", "?limit=ten", "?limit="}) {
            var answer = Alerts.list(query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(Alerts.acknowledge("not-an-id", Service.admin()).status()).isEqualTo(400);
        var unknown = Alerts.acknowledge(UUID.randomUUID().toString(), Service.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(whatsapp.st.systems.Http.get(Service.maintenance("/alerts"), Service.member("org-ack-1")).status()).isEqualTo(403);
        assertThat(whatsapp.st.systems.Http.get(Service.maintenance("/alerts"), Service.worker()).status()).isEqualTo(403);
        assertThat(Alerts.list("").status()).isEqualTo(200);
    }
}
