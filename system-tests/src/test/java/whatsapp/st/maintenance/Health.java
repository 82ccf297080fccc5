package whatsapp.st.maintenance;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
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
     * An enabled row in any status, as the service recorded it earlier (see {@link Database#integrationRecorded}).
     *
     * @param connectedAt     null: never paired
     * @param statusChangedAt since when it has had the status
     */
    static UUID row(String organization, String instanceName, String status, String phone, Instant connectedAt,
                    Instant statusChangedAt) {
        return row(organization, instanceName, status, phone, connectedAt, statusChangedAt, null);
    }

    static UUID row(String organization, String instanceName, String status, String phone, Instant connectedAt,
                    Instant statusChangedAt, String disconnectReason) {
        return Database.integrationRecorded(organization, instanceName, status, phone, connectedAt, statusChangedAt,
                disconnectReason);
    }

    /** A field of the integration using that instance, as GET /integrations shows it; null when JSON null. */
    static String recorded(String instanceName, String field) {
        var integration = Integrations.all().stream().filter(i -> i.getString("instance_name").equals(instanceName))
                .findFirst().orElseThrow(() -> new AssertionError("no integration uses " + instanceName));
        return integration.isNull(field) ? null : integration.getString(field);
    }

    /** The recorded status changes of those instances, from their histories. */
    static List<JsonObject> changes(String... instanceNames) {
        return Stream.of(instanceNames).flatMap(name -> {
            var answer = history(name);
            if (answer.status() != 200) throw new AssertionError("history of " + name + ": " + answer.status() + " " + answer.body());
            return answer.json().getJsonArray("changes").getValuesAs(JsonObject.class).stream();
        }).toList();
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
}
