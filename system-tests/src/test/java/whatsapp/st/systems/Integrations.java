package whatsapp.st.systems;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** The organization's integrations as an admin lists them (newest first). */
    public static List<JsonObject> of(String organizationId) {
        return list("?organization_id=" + encoded(organizationId));
    }

    /** Every integration of the deployment, as an admin lists them. */
    public static List<JsonObject> all() {
        return list("");
    }

    /** Every page, in order (pages of 1000, following next_cursor). */
    static List<JsonObject> list(String query) {
        var all = new java.util.ArrayList<JsonObject>();
        String cursor = null;
        do {
            var answer = page(query + (query.isEmpty() ? "?" : "&") + "limit=1000"
                    + (cursor == null ? "" : "&cursor=" + encoded(cursor)), Service.admin());
            if (answer.status() != 200) throw new AssertionError("listing answered " + answer.status() + " " + answer.body());
            all.addAll(answer.json().getJsonArray("integrations").getValuesAs(JsonObject.class));
            var next = answer.json().get("next_cursor");
            cursor = next instanceof jakarta.json.JsonString text ? text.getString() : null;
        } while (cursor != null);
        return all;
    }

    /** One page of GET /integrations; {@code query} is "" or starts with "?". */
    public static Http.Answer page(String query, String token) {
        return Http.get(Service.integrations(query), token);
    }

    /** The organization's integration using that instance, as the API shows it. */
    public static Optional<JsonObject> named(String organizationId, String instanceName) {
        return of(organizationId).stream().filter(i -> i.getString("instance_name").equals(instanceName)).findFirst();
    }

    /** Audit entries, newest first; {@code organizationId} null: the whole deployment's. */
    public static List<JsonObject> audit(String organizationId) {
        var answer = Http.get(Service.integrations("/audit?limit=1000"
                + (organizationId == null ? "" : "&organization_id=" + encoded(organizationId))), Service.admin());
        if (answer.status() != 200) throw new AssertionError("audit answered " + answer.status() + " " + answer.body());
        return answer.json().getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    /** GET /integrations/events?after=...&limit=... as the given caller (a worker's HTTP catch-up). */
    public static Http.Answer eventsAfter(String query, String token) {
        return Http.get(Service.integrations("/events?" + query), token);
    }

    /** Every event after that sequence, as a worker reads them (pages of 1000). */
    public static List<JsonObject> eventsAfter(long after) {
        var events = new java.util.ArrayList<JsonObject>();
        while (true) {
            var answer = eventsAfter("after=" + after + "&limit=1000", Service.worker());
            if (answer.status() != 200) throw new AssertionError("catch-up answered " + answer.status() + " " + answer.body());
            var page = answer.json().getJsonArray("events").getValuesAs(JsonObject.class);
            events.addAll(page);
            if (page.size() < 1000) return events;
            after = page.get(page.size() - 1).getJsonNumber("sequence").longValue();
        }
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
