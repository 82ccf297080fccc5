package whatsapp.st.maintenance;

import jakarta.json.JsonObject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** The fleet-health endpoints and the rows the health tests arrange; the fleet itself comes from {@link Fleet}. */
final class Health {

    static final String NUMBER = "5511999990000";

    private Health() {
    }

    static Http.Answer sweep() {
        return Http.post(Service.maintenance("/health-check"), Service.admin(), null, "");
    }

    /** Sweeps and returns the health_summary, failing unless the answer is 200. */
    static JsonObject swept() {
        var answer = sweep();
        if (answer.status() != 200) throw new AssertionError("health-check answered " + answer.status() + " " + answer.body());
        return answer.json().getJsonObject("health_summary");
    }

    static Http.Answer status() {
        return Http.get(Service.maintenance("/health-check/status"), Service.admin());
    }

    static Http.Answer history(String instanceName) {
        return Http.get(Service.maintenance("/instances/" + instanceName + "/history"), Service.admin());
    }

    /**
     * An enabled row in any status.
     *
     * @param connectedAt     null: never paired
     * @param statusChangedAt since when it has had the status
     */
    static UUID row(String organization, String instanceName, String status, String phone, Instant connectedAt,
                    Instant statusChangedAt) {
        var id = UUID.randomUUID();
        Database.update("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, phone_number,
                    connected_at, created_at, updated_at, status_changed_at)
                VALUES (?, ?, ?, ?, true, ?, ?, ?, ?, ?)""",
                id, organization, instanceName, status, phone, ts(connectedAt), ts(Fleet.OLD), ts(statusChangedAt), ts(statusChangedAt));
        return id;
    }

    static String column(String instanceName, String column) {
        return Database.text("SELECT " + column + "::text FROM integrations.integrations WHERE instance_name = ?", instanceName);
    }

    static JsonObject entry(JsonObject summary, String instanceName) {
        return summary.getJsonArray("instances").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("instance_name").equals(instanceName)).findFirst()
                .orElseThrow(() -> new AssertionError(instanceName + " not in " + summary));
    }

    static JsonObject latestRun() {
        return Http.get(Service.maintenance("/runs?type=health&limit=1"), Service.admin()).json()
                .getJsonArray("runs").getJsonObject(0);
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
