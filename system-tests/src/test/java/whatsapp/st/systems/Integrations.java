package whatsapp.st.systems;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The /integrations API as the frontend uses it. */
public final class Integrations {

    private Integrations() {
    }

    public static Http.Answer create(String organizationId, String token) {
        return Http.post(Service.integrations("/whatsapp"), token, "application/json",
                "{\"organization_id\":\"" + organizationId + "\"}");
    }

    public static Http.Answer create(String organizationId, String token, String idempotencyKey) {
        return Http.send(HttpRequest.newBuilder(URI.create(Service.integrations("/whatsapp")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organizationId + "\"}")).build());
    }

    /** Creates (or reuses) and returns the integration, failing unless the answer is 200 or 201. */
    public static JsonObject createFor(String organizationId) {
        var answer = create(organizationId, Service.admin());
        if (answer.status() != 201 && answer.status() != 200)
            throw new AssertionError("create for " + organizationId + " answered " + answer.status() + " " + answer.body());
        return answer.json().getJsonObject("integration");
    }

    public static Http.Answer find(String id) {
        return Http.get(Service.integrations("/" + id), Service.admin());
    }

    public static Http.Answer delete(String id) {
        return Http.delete(Service.integrations("/" + id), Service.admin());
    }
}
