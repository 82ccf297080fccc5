package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.simulator.ProbeAnswer;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;

/**
 * Zombie detection: an instance Evolution lists as open while its socket is dead (the simulator's probe answer CLOSED:
 * Baileys' 400/428; HUNG: no answer) is found by the liveness probe ({@code POST /chat/whatsappNumbers} with
 * PROBE_NUMBER, asked twice a short pause apart), recorded as {@code health: zombie} with {@code probe_failed_at},
 * in the history (source probe), the status report and the metrics, alerted once, and restarted by the auto-heal;
 * the probe answering again clears it and resolves the alert. The tests run with a 1.5 s probe timeout and a 0.2 s
 * pause (Stack).
 */
class ZombieIT extends FleetTests {

    @Test
    void aConnectedInstanceWhoseProbeFindsItClosedIsAZombieAlertedOnceAndRestarted() {
        var name = Health.paired("org-zombie-1", Health.NUMBER);
        var id = idOf(name);

        var healthy = check(null);
        assertThat(healthy.getInt("probed")).isEqualTo(1);
        assertThat(healthy.getInt("alive")).isEqualTo(1);
        assertThat(healthy.getJsonArray("findings")).as("alive ones are only counted").isEmpty();
        assertThat(Integrations.find(id).json().getString("health")).isEqualTo("ok");

        evolution().probeAnswer(name, ProbeAnswer.CLOSED);
        evolution().resetCalls();
        try (var receiver = AlertReceiver.start()) {
            var found = check(null);

            assertThat(found.getInt("zombies")).isEqualTo(1);
            var finding = found.getJsonArray("findings").getJsonObject(0);
            assertThat(finding.getString("instance_name")).isEqualTo(name);
            assertThat(finding.getString("outcome")).isEqualTo("zombie");
            assertThat(finding.getString("answer")).isEqualTo("400: 428 Connection Closed");
            assertThat(finding.getJsonObject("heal").getString("outcome")).isEqualTo("restarted");
            assertThat(evolution().calls("whatsappNumbers")).as("asked again after a pause before judging").isEqualTo(2);
            assertThat(evolution().calls("restart")).isOne();

            var integration = Integrations.find(id).json();
            assertThat(integration.getString("status")).isEqualTo("connected");
            assertThat(integration.getString("health")).isEqualTo("zombie");
            assertThat(integration.isNull("probe_failed_at")).isFalse();
            assertThat(finding.isNull("probe_failed_at")).isFalse();
            var status = StatusEntry.of(name);
            assertThat(status.getString("health")).isEqualTo("zombie");
            assertThat(status.getString("probe_answer")).isEqualTo("400: 428 Connection Closed");
            assertThat(Health.status().json().getJsonObject("summary").getInt("zombies")).isEqualTo(1);
            var history = Health.history(name).json().getJsonArray("changes").getJsonObject(0);
            assertThat(history.getString("source")).isEqualTo("probe");
            assertThat(history.getString("reason")).isEqualTo("zombie: 400: 428 Connection Closed");
            assertThat(HealthMetricsIT.sample(metrics(), "whatsapp_zombies", "")).hasValue(1.0);
            assertThat(HealthMetricsIT.sample(metrics(), "whatsapp_probes_total", "outcome=\"dead\"")).isPresent();

            var alert = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(alert.getString("type")).isEqualTo("instance.zombie");
            assertThat(alert.getString("reason")).isEqualTo("zombie: 400: 428 Connection Closed");
            assertThat(Health.sweep().status()).as("a sweep sees it connected, which does not end a zombie").isEqualTo(200);
            assertThat(check(name).getJsonArray("findings").getJsonObject(0).getString("outcome"))
                    .as("the restart opened a fresh socket: the probe answers again").isEqualTo("alive");

            var cleared = Integrations.find(id).json();
            assertThat(cleared.getString("health")).isEqualTo("ok");
            assertThat(cleared.isNull("probe_failed_at")).isTrue();
            assertThat(receiver.await(name, "resolved", Duration.ofSeconds(10)).getString("resolution"))
                    .isEqualTo("the probe answered again");
            assertThat(receiver.notices(name, "raised")).as("alerted once (alone or grouped with other tests' alerts)").hasSize(1);
            assertThat(Health.history(name).json().getJsonArray("changes").getJsonObject(0).getString("reason"))
                    .isEqualTo("probe answered again");
        }
    }

    @Test
    void aHungProbeIsAZombieButOneFailureFollowedByAnAnswerIsNot() {
        var name = Health.paired("org-zombie-2", Health.NUMBER);

        evolution().inject(Fault.hang("whatsappNumbers").times(1));
        var once = check(name).getJsonArray("findings").getJsonObject(0);
        assertThat(once.getString("outcome")).as("a reconnect's brief failure is not a zombie").isEqualTo("alive");
        evolution().clearFaults();

        evolution().probeAnswer(name, ProbeAnswer.HUNG);
        var hung = check(name).getJsonArray("findings").getJsonObject(0);
        assertThat(hung.getString("outcome")).isEqualTo("zombie");
        assertThat(hung.getString("answer")).isEqualTo("no answer within 1 s");
        assertThat(Integrations.find(idOf(name)).json().getString("health")).isEqualTo("zombie");
        evolution().probeAnswer(name, ProbeAnswer.ALIVE);
    }

    @Test
    void anUnknownInstanceIs404AndMembersMayNotCheck() {
        assertThat(Http.post(Service.maintenance("/zombie-check?instance=clinic-nobody-1"), Service.admin(), null, "").status())
                .isEqualTo(404);
        assertThat(Http.post(Service.maintenance("/zombie-check"), Service.member("org-zombie-3"), null, "").status())
                .isEqualTo(403);
    }

    static JsonObject check(String instance) {
        var answer = Http.post(Service.maintenance("/zombie-check" + (instance == null ? "" : "?instance=" + instance)),
                Service.admin(), null, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static String idOf(String name) {
        return Integrations.all().stream().filter(i -> i.getString("instance_name").equals(name)).findFirst()
                .orElseThrow().getString("id");
    }

    static String metrics() {
        return Http.get(Service.management("/metrics"), null).body();
    }

    /** The instance's entry in the status report. */
    static final class StatusEntry {
        static JsonObject of(String name) {
            return Health.status().json().getJsonArray("instances").getValuesAs(JsonObject.class).stream()
                    .filter(i -> i.getString("instance_name").equals(name)).findFirst().orElseThrow();
        }
    }
}
