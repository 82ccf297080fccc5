package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;

/**
 * Paused monitoring ({@code PUT /integrations/{id}/monitoring}): while paused, no alert and no auto-heal for the
 * instance, though sweeps still record its status; once resumed, the next sweep alerts what is still wrong. Admins and
 * the organization's members may pause; anyone else gets what an unknown id gets. Bad input changes nothing.
 */
class MonitoringPauseIT extends FleetTests {

    static Http.Answer monitoring(String id, String token, String json) {
        return Http.put(Service.integrations("/" + id + "/monitoring"), token, json);
    }

    static String pause(Instant until, String reason) {
        return "{\"paused_until\": \"" + until + "\", \"reason\": \"" + reason + "\"}";
    }

    static final String RESUME = "{\"paused_until\": null}";

    @Test
    void aPausedInstanceIsNotAlertedUntilResumedThenTheNextSweepAlertsIt() {
        var organization = "org-paused";
        try (var receiver = AlertReceiver.start()) {
            var name = Health.paired(organization, Alerts.uniqueNumber());
            var id = Integrations.named(organization, name).orElseThrow().getString("id");
            var until = Instant.now().plus(Duration.ofHours(2));

            var paused = monitoring(id, Service.member(organization), pause(until, "clinic moves its phone today"));

            assertThat(paused.status()).as(paused.body()).isEqualTo(200);
            var shown = paused.json().getJsonObject("monitoring");
            assertThat(Instant.parse(shown.getString("paused_until"))).isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(shown.getString("reason")).isEqualTo("clinic moves its phone today");
            assertThat(Integrations.find(id).json().getJsonObject("monitoring")).isEqualTo(shown);
            assertThat(audited(organization, "monitoring.paused")).singleElement().satisfies(entry -> {
                assertThat(entry.getString("actor")).isEqualTo("user:bob");
                assertThat(entry.getString("reason")).contains("clinic moves its phone today");
            });

            Health.disconnected(name, Disconnect.DEVICE_REMOVED, "device_removed (401)");
            var sweep = Health.swept();

            assertThat(Health.entry(sweep, name).getString("actual_status")).as("the sweep still records").isEqualTo("disconnected");
            assertThat(Health.changes(name).get(0).getString("to")).isEqualTo("disconnected");
            assertThat(receiver.settled().notices(name, "raised")).as("paused: no alert").isEmpty();
            assertThat(Alerts.listed("?limit=500")).noneMatch(a -> name.equals(a.getString("instance_name", null)));

            var resumed = monitoring(id, Service.admin(), RESUME);

            assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
            assertThat(resumed.json().isNull("monitoring")).isTrue();
            assertThat(audited(organization, "monitoring.resumed")).singleElement()
                    .satisfies(entry -> assertThat(entry.getString("actor")).isEqualTo("user:alice"));
            Health.swept();
            var alert = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(alert.getString("reason")).isEqualTo("device_removed (401)");
            assertThat(alert.getString("cannot_send_reason")).isEqualTo("removed from the phone: scan a new QR code");
        }
    }

    @Test
    void aPausedInstanceStuckConnectingIsNotRestartedUntilResumed() {
        var stuckSince = Instant.now().minus(Duration.ofMinutes(30));
        var name = name("org-paused-stuck", OLD);
        evolution().seed(SeedInstance.named(name).status("connecting").ownerJid(Health.NUMBER + "@s.whatsapp.net").createdAt(OLD));
        // time travel: recorded connecting for 30 minutes, longer than the auto-heal's 10
        var id = Health.row("org-paused-stuck", name, "connecting", Health.NUMBER, OLD, stuckSince).toString();
        assertThat(monitoring(id, Service.admin(), pause(Instant.now().plus(Duration.ofDays(1)), "Evolution upgrade")).status())
                .isEqualTo(200);

        var sweep = Health.swept();

        assertThat(evolution().calls("restart")).as("paused: not auto-healed").isZero();
        assertThat(sweep.getJsonArray("restarts").getValuesAs(JsonObject.class)).singleElement().satisfies(attempt -> {
            assertThat(attempt.getString("instance_name")).isEqualTo(name);
            assertThat(attempt.getString("outcome")).isEqualTo("monitoring_paused");
        });

        assertThat(monitoring(id, Service.admin(), RESUME).status()).isEqualTo(200);
        Health.swept();

        assertThat(evolution().calls("restart")).as("resumed: restarted").isOne();
    }

    @Test
    void onlyAdminsAndTheOrganizationsMembersMayPause() {
        var name = name("org-paused-owner", OLD);
        evolution().seed(SeedInstance.named(name).status("open").createdAt(OLD));
        var id = Fleet.row("org-paused-owner", name, OLD).toString();
        var body = pause(Instant.now().plus(Duration.ofHours(1)), "night maintenance");

        var stranger = monitoring(id, Service.member("org-someone-else"), body);
        var unknown = monitoring(UUID.randomUUID().toString(), Service.member("org-someone-else"), body);

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.isProblem()).isTrue();
        assertThat(stranger.json().getString("type")).as("the same answer as an unknown id").isEqualTo(unknown.json().getString("type"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(monitoring(id, null, body).status()).as("no token").isEqualTo(401);
        assertThat(monitoring(id, Service.worker(), body).status()).as("a worker reads only").isEqualTo(403);
        assertThat(monitoring("not-a-uuid", Service.admin(), body).status()).isEqualTo(400);
        assertThat(Integrations.find(id).json().isNull("monitoring")).as("nothing changed").isTrue();
        assertThat(audited("org-paused-owner", "monitoring.paused")).isEmpty();

        assertThat(monitoring(id, Service.member("org-paused-owner"), body).status()).isEqualTo(200);
    }

    @Test
    void badInputIsA400AndChangesNothing() {
        var name = name("org-paused-input", OLD);
        evolution().seed(SeedInstance.named(name).status("open").createdAt(OLD));
        var id = Fleet.row("org-paused-input", name, OLD).toString();
        var soon = Instant.now().plus(Duration.ofHours(1));
        String[][] cases = {
                {pause(Instant.now().minus(Duration.ofMinutes(1)), "x"), "paused_until"},
                {pause(Instant.now().plus(Duration.ofDays(31)), "x"), "paused_until"},
                {"{\"paused_until\": \"tomorrow\", \"reason\": \"x\"}", "paused_until"},
                {"{\"reason\": \"x\"}", "paused_until"},
                {"{\"paused_until\": \"" + soon + "\"}", "reason"},
                {pause(soon, "   "), "reason"},
                {pause(soon, "x".repeat(201)), "reason"},
                {"{\"paused_until\": \"" + soon + "\", \"reason\": 7}", "reason"}};
        for (var bad : cases) {
            var answer = monitoring(id, Service.admin(), bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().getString("type")).endsWith("/validation");
            assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).as(bad[0]).isEqualTo(bad[1]);
        }
        var malformed = monitoring(id, Service.admin(), "{\"paused_until\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        assertThat(Integrations.find(id).json().isNull("monitoring")).as("nothing changed").isTrue();
        assertThat(audited("org-paused-input", "monitoring.paused")).isEmpty();
    }

    static java.util.List<JsonObject> audited(String organization, String action) {
        return Integrations.audit(organization).stream().filter(e -> action.equals(e.getString("action"))).toList();
    }
}
