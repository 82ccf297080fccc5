package whatsapp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import whatsapp.simulator.admin.AdminJson;
import whatsapp.simulator.http.Json;

/**
 * Drives a simulator in another process through {@code /__admin/}, with the in-process method names:
 * {@code new SimulatorAdminClient("http://127.0.0.1:8081").seed(SeedInstance.named("x").status("open"))}.
 * Failures surface as {@link IllegalStateException} (admin said no) or {@link UncheckedIOException}.
 */
public final class SimulatorAdminClient {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public SimulatorAdminClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() { return baseUrl; }

    public void seed(SeedInstance... instances) { seed(Arrays.asList(instances)); }

    public void seed(List<SeedInstance> instances) {
        var body = Json.array();
        instances.forEach(seed -> body.add(AdminJson.seed(seed)));
        call("POST", "/instances", body);
    }

    public void pair(String name, String phoneNumber) {
        call("POST", "/instances/" + encode(name) + "/pair", Json.object().put("number", phoneNumber));
    }

    public void disconnect(String name, Disconnect reason) {
        call("POST", "/instances/" + encode(name) + "/disconnect", Json.object().put("reason", reason.name()));
    }

    /** @param settings null: the settings are lost ({@code webhook/find} answers null) */
    public void webhookSettings(String name, WebhookSettings settings) {
        if (settings == null) call("DELETE", "/instances/" + encode(name) + "/webhook", null);
        else call("POST", "/instances/" + encode(name) + "/webhook", AdminJson.webhook(settings));
    }

    public void loaded(String name, boolean loaded) {
        call("POST", "/instances/" + encode(name) + "/" + (loaded ? "load" : "unload"), Json.object());
    }

    public void reconnectStorm(String name, int cycles, Duration pause) {
        call("POST", "/instances/" + encode(name) + "/storm", Json.object().put("cycles", cycles).put("pauseMs", pause.toMillis()));
    }

    public void recreate(String name) {
        call("POST", "/instances/" + encode(name) + "/recreate", Json.object());
    }

    public void probeAnswer(String name, ProbeAnswer answer) {
        call("POST", "/instances/" + encode(name) + "/probe", Json.object().put("answer", answer.name()));
    }

    /** @param otherBaseUrl another simulator running in the same process as this one */
    public void shareDatabaseWith(String otherBaseUrl) {
        call("POST", "/shared-database", Json.object().put("with", otherBaseUrl));
    }

    public void stopSharingDatabase() { call("DELETE", "/shared-database", null); }

    public void inject(Fault fault) { call("POST", "/faults", AdminJson.fault(fault)); }

    public void clearFaults() { call("DELETE", "/faults", null); }

    /** @param route a route name, or "*" for all routes together */
    public long calls(String route) {
        var all = calls();
        return "*".equals(route) ? all.values().stream().mapToLong(Long::longValue).sum() : all.getOrDefault(route, 0L);
    }

    public Map<String, Long> calls() {
        var counts = new TreeMap<String, Long>();
        call("GET", "/calls", null).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    public void resetCalls() { call("DELETE", "/calls", null); }

    public void reset() { call("POST", "/reset", null); }

    public void useVersion(ApiVersion version) {
        call("POST", "/config", Json.object().put("version", version == ApiVersion.V2 ? "v2" : "v1"));
    }

    public void latency(Duration perRequest) {
        call("POST", "/config", Json.object().put("latencyMs", perRequest.toMillis()));
    }

    /** How long each QR code lasts (zero: never rotates); applies from the next code. */
    public void qrRotation(Duration perCode) {
        call("POST", "/config", Json.object().put("qrRotationMs", perCode.toMillis()));
    }

    /** Evolution's {@code QRCODE_LIMIT}: codes shown before the give-up. */
    public void qrLimit(int codes) {
        call("POST", "/config", Json.object().put("qrLimit", codes));
    }

    public void removalDelay(Duration delay) {
        call("POST", "/config", Json.object().put("removalDelayMs", delay.toMillis()));
    }

    public Optional<InstanceView> instance(String name) {
        var answer = send("GET", "/instances/" + encode(name), null);
        if (answer.statusCode() == 404) return Optional.empty();
        return Optional.of(AdminJson.view(read(answer)));
    }

    public List<InstanceView> instances() {
        var views = new ArrayList<InstanceView>();
        call("GET", "/instances", null).forEach(node -> views.add(AdminJson.view(node)));
        return views;
    }

    public List<WebhookDelivery> deliveries() {
        var deliveries = new ArrayList<WebhookDelivery>();
        call("GET", "/deliveries", null).forEach(node -> deliveries.add(AdminJson.delivery(node)));
        return deliveries;
    }

    private JsonNode call(String method, String path, JsonNode body) {
        var answer = send(method, path, body);
        var json = read(answer);
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException("admin " + method + " " + path + " answered " + answer.statusCode()
                    + ": " + json.path("error").asText(answer.body()));
        }
        return json;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/__admin" + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, publisher).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("simulator admin API unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return answer.body().isEmpty() ? Json.object() : Json.MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("simulator admin API answered non-JSON", e);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
