package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.simulator.WebhookSettings;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;

/**
 * Webhook drift: Evolution's stored webhook settings of an instance (GET /webhook/find) emptied after a restart
 * (upstream #2694), lost, or pointed elsewhere are found by {@code POST /maintenance/webhook-check} and set again with
 * a fresh secret, audited and counted; a null while Evolution has not loaded the instance is retried later, not drift;
 * a repair Evolution refuses raises one alert, the background repair takes over, and the next sweep after it resolves it.
 */
class WebhookDriftIT extends FleetTests {

    @AfterEach
    void healEvolution() {
        evolution().clearFaults();
    }

    @Test
    void driftedSettingsAreSetAgainAndANullWhileNotLoadedIsRetriedLater() {
        var name = Health.paired("org-drift-1", Health.NUMBER);
        var id = ZombieIT.idOf(name);
        assertThat(finding(check(name)).getString("outcome")).isEqualTo("ok");

        // #2694: after a docker restart, find returned {"url":"","events":[],"headers":null,"enabled":true}
        evolution().webhookSettings(name, new WebhookSettings(true, "", Map.of(), false, false, List.of()));
        var emptied = finding(check(name));
        assertThat(emptied.getString("outcome")).isEqualTo("repaired");
        assertThat(emptied.getString("detail")).isEqualTo("differed: url, events, secret");
        assertOurs(name, id);
        assertThat(Integrations.audit("org-drift-1")).anyMatch(e -> e.getString("action").equals("webhook.repaired")
                && e.getString("reason").contains("(url, events, secret)"));
        assertThat(HealthMetricsIT.sample(ZombieIT.metrics(), "whatsapp_webhook_checks_total", "outcome=\"repaired\"")).isPresent();

        evolution().loaded(name, false);
        var restarting = finding(check(name));
        assertThat(restarting.getString("outcome")).as("null while not loaded is not drift").isEqualTo("retry_later");
        evolution().loaded(name, true);

        evolution().webhookSettings(name, null);
        var lost = finding(check(name));
        assertThat(lost.getString("outcome")).isEqualTo("repaired");
        assertThat(lost.getString("detail")).isEqualTo("differed: no webhook settings");
        assertOurs(name, id);
        assertThat(finding(check(name)).getString("outcome")).isEqualTo("ok");
    }

    @Test
    void aRepairEvolutionRefusesIsAlertedAndLeftToTheBackgroundRepair() {
        var name = Health.paired("org-drift-2", Health.NUMBER);
        var id = ZombieIT.idOf(name);
        var ours = evolution().instance(name).orElseThrow().webhook();
        evolution().webhookSettings(name, new WebhookSettings(true, "https://elsewhere.example/hook", ours.headers(), false,
                false, ours.events()));
        evolution().inject(Fault.status("webhookSet", 500));
        try (var receiver = AlertReceiver.start()) {
            var failed = finding(check(name));
            assertThat(failed.getString("outcome")).isEqualTo("repair_failed");
            assertThat(failed.getString("detail")).startsWith("differed: url;");
            var alert = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(alert.getString("type")).isEqualTo("instance.webhook_drift");
            assertThat(Integrations.find(id).json().getBoolean("webhook_unverified")).isTrue();

            evolution().clearFaults();
            Poll.until(() -> !Integrations.find(id).json().getBoolean("webhook_unverified"), Duration.ofSeconds(40),
                    "the background repair set our webhook");
            assertOurs(name, id);
            assertThat(Health.sweep().status()).isEqualTo(200);
            assertThat(receiver.await(name, "resolved", Duration.ofSeconds(10)).getString("resolution"))
                    .isEqualTo("our webhook and its secret are set again");
        }
    }

    @Test
    void anUnknownInstanceIs404() {
        assertThat(Http.post(Service.maintenance("/webhook-check?instance=clinic-nobody-2"), Service.admin(), null, "").status())
                .isEqualTo(404);
    }

    static void assertOurs(String name, String id) {
        var webhook = evolution().instance(name).orElseThrow().webhook();
        assertThat(webhook.url()).contains("/webhooks/evolution");
        assertThat(webhook.enabled()).isTrue();
        assertThat(webhook.events()).containsExactlyInAnyOrder("CONNECTION_UPDATE", "QRCODE_UPDATED");
        assertThat(Database.webhookSecretHash(id)).isEqualTo(RecreatedIT.sha256(webhook.headers().get("x-evolution-secret")));
    }

    static JsonObject check(String instance) {
        var answer = Http.post(Service.maintenance("/webhook-check?instance=" + instance), Service.admin(), null, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static JsonObject finding(JsonObject summary) {
        return summary.getJsonArray("findings").getJsonObject(0);
    }
}
