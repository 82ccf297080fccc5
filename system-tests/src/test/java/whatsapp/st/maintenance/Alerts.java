package whatsapp.st.maintenance;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** {@code /maintenance/alerts}, as an operator reads and acknowledges them. */
final class Alerts {

    static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 100_000_000);

    private Alerts() {
    }

    static Http.Answer list(String query) {
        return Http.get(Service.maintenance("/alerts" + query), Service.admin());
    }

    static List<JsonObject> open() {
        return listed("?state=open&limit=500");
    }

    static List<JsonObject> listed(String query) {
        var answer = list(query);
        if (answer.status() != 200) throw new AssertionError("GET /maintenance/alerts answered " + answer.status() + " " + answer.body());
        return answer.json().getJsonArray("alerts").getValuesAs(JsonObject.class);
    }

    /** The newest alert about this instance. */
    static JsonObject about(String instanceName) {
        return listed("?limit=500").stream().filter(a -> a.getJsonArray("instance_names").getValuesAs(
                jakarta.json.JsonString::getString).contains(instanceName)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert about " + instanceName));
    }

    static Http.Answer acknowledge(String id, String token) {
        return Http.post(Service.maintenance("/alerts/" + id + "/acknowledge"), token, null, "");
    }

    /** A phone number no other test pairs. */
    static String uniqueNumber() {
        return "5521" + String.format("%09d", NUMBERS.incrementAndGet() % 1_000_000_000);
    }
}
