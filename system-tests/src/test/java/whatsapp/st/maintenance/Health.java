package whatsapp.st.maintenance;

import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;

/**
 * The fleet-health endpoints and the integrations the health tests arrange: through the API and the simulator
 * (webhooks update the row) wherever the test can do with statuses recorded now, as rows recorded earlier
 * otherwise; the fleet itself comes from {@link Fleet}.
 */
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
     * The organization's integration, created through the API and paired in the simulator with that number: the
     * open webhook records it connected (with its number and connected_at). Returns its instance name.
     */
    static String paired(String organization, String number) {
        var integration = Integrations.createFor(organization);
        var name = integration.getString("instance_name");
        evolution().pair(name, number);
        awaitRecorded(integration.getString("id"), "connected", null, name + " connected by the open webhook");
        return name;
    }

    /** WhatsApp ends the session in the simulator, and the close webhook records {@code recordedReason}. */
    static void disconnected(String instanceName, Disconnect reason, String recordedReason) {
        var id = Integrations.all().stream().filter(i -> i.getString("instance_name").equals(instanceName)).findFirst()
                .orElseThrow(() -> new AssertionError("no integration uses " + instanceName)).getString("id");
        evolution().disconnect(instanceName, reason);
        awaitRecorded(id, "disconnected", recordedReason, instanceName + " disconnected by the close webhook");
    }

    /**
     * Evolution stops delivering the instance's webhooks (turned off through its own {@code POST /webhook/set}, as
     * lost deliveries would leave it): from now on only a health sweep sees what happens to the instance.
     */
    static void webhooksLost(String instanceName) {
        var url = evolution().instance(instanceName).orElseThrow().webhook().url();
        var answer = Http.send(HttpRequest.newBuilder(URI.create(evolution().baseUrl() + "/webhook/set/" + instanceName))
                .timeout(Duration.ofSeconds(10)).header("apikey", evolution().apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"webhook\":{\"enabled\":false,\"url\":\"" + url + "\"}}")).build());
        if (answer.status() != 201) throw new AssertionError("webhook/set answered " + answer.status() + " " + answer.body());
    }

    static void awaitRecorded(String id, String status, String reason, String what) {
        Poll.until(() -> {
            var integration = Integrations.find(id).json();
            return status.equals(integration.getString("status"))
                    && (reason == null || reason.equals(integration.getString("disconnect_reason", null)));
        }, Duration.ofSeconds(10), what);
    }

    /**
     * An enabled row in any status, as the service recorded it earlier (see {@link Database#integrationRecorded}):
     * only for what {@link #paired} cannot arrange, a status held since a moment in the past, or one that differs
     * from Evolution's with no history of its own. Every call site says which.
     *
     * @param connectedAt     null: never paired
     * @param statusChangedAt since when it has had the status
     */
    static UUID row(String organization, String instanceName, String status, String phone, Instant connectedAt,
                    Instant statusChangedAt) {
        return Database.integrationRecorded(organization, instanceName, status, phone, connectedAt, statusChangedAt);
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
