package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** GET /maintenance/health-check/status: the recorded statuses, from the database only. */
class HealthStatusIT extends FleetTests {

    String connected;
    String disconnected;

    /** One integration paired, one paired and then logged out through Evolution's API: the webhooks record both. */
    @BeforeEach
    void seed() {
        connected = Health.paired("org-up", Health.NUMBER);
        disconnected = Health.paired("org-down", "5511999990001");
        Health.disconnected(disconnected, Disconnect.API_LOGOUT, "logout (401)");
        evolution().resetCalls();
    }

    @Test
    void statusComesFromTheDatabaseWithoutAskingEvolution() {
        var answer = Health.status();

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(evolution().calls("*")).as("no Evolution call at all").isZero();
        var json = answer.json();
        assertThat(json.getBoolean("success")).isTrue();
        var summary = json.getJsonObject("summary");
        assertThat(summary.getInt("total")).isEqualTo(2);
        assertThat(summary.getInt("healthy")).isEqualTo(1);
        assertThat(summary.getInt("unhealthy")).isEqualTo(1);
        var instances = json.getJsonArray("instances").getValuesAs(JsonObject.class);
        var up = instances.stream().filter(i -> i.getString("instance_name").equals(connected)).findFirst().orElseThrow();
        assertThat(up.getString("organization_id")).isEqualTo("org-up");
        assertThat(up.getString("status")).isEqualTo("connected");
        assertThat(up.getBoolean("enabled")).isTrue();
        assertThat(up.getBoolean("healthy")).isTrue();
        assertThat(up.getString("connected_at")).endsWith("Z");
        assertThat(up.get("disconnect_reason")).isEqualTo(JsonValue.NULL);
        assertThat(up.getString("last_updated")).endsWith("Z");
        var down = instances.stream().filter(i -> i.getString("instance_name").equals(disconnected)).findFirst().orElseThrow();
        assertThat(down.getBoolean("healthy")).isFalse();
        assertThat(down.getString("disconnect_reason")).isEqualTo("logout (401)");
    }

    @Test
    void onlyAdminsMayLook() {
        assertThat(Http.get(Service.maintenance("/health-check/status"), Service.member("org-up")).status()).isEqualTo(403);
        assertThat(Http.get(Service.maintenance("/health-check/status"), null).status()).isEqualTo(401);
        assertThat(Http.post(Service.maintenance("/health-check"), Service.member("org-up"), null, "").status()).isEqualTo(403);
        assertThat(Http.get(Service.maintenance("/instances/" + connected + "/history"), null).status()).isEqualTo(401);
        assertThat(evolution().calls("fetchInstances")).as("a refused sweep never lists").isZero();
    }
}
