package whatsapp.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.NoSuchElementException;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.InstanceView;
import whatsapp.simulator.SeedInstance;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.http.Json;

/**
 * {@code /__admin/...}: the in-process API over HTTP, for curl and tests in another process.
 * No key; never counted; never faulted. Errors answer {@code {"error": "..."}} with 400 or 404.
 */
public final class AdminRoutes {

    public static final String PREFIX = "__admin";

    private final EvolutionSimulator simulator;

    public AdminRoutes(EvolutionSimulator simulator) {
        this.simulator = simulator;
    }

    public void answer(HttpCall call) throws IOException {
        var path = call.segments().subList(1, call.segments().size());
        try {
            if (path.size() >= 2 && "instances".equals(path.get(0))) {
                answerForInstance(call, path.get(1), String.join("/", path.subList(2, path.size())));
                return;
            }
            switch (call.method() + " " + String.join("/", path)) {
                case "POST instances" -> seed(call);
                case "GET instances" -> call.stream(200, out -> {
                    out.writeStartArray();
                    for (var view : simulator.instances()) out.writeTree(AdminJson.view(view));
                    out.writeEndArray();
                });
                case "POST faults" -> {
                    simulator.inject(AdminJson.fault(call.body()));
                    call.json(201, Json.object().put("faults", simulator.faults().size()));
                }
                case "GET faults" -> call.json(200, simulator.faults().stream().map(AdminJson::fault).toList());
                case "DELETE faults" -> ok(call, simulator::clearFaults);
                case "GET calls" -> call.json(200, simulator.calls());
                case "DELETE calls" -> ok(call, simulator::resetCalls);
                case "POST reset" -> ok(call, simulator::reset);
                case "GET config" -> call.json(200, config());
                case "POST config" -> configure(call, call.body());
                case "GET deliveries" -> call.json(200, simulator.deliveries().stream().map(AdminJson::delivery).toList());
                case "DELETE deliveries" -> ok(call, simulator::clearDeliveries);
                case "POST shared-database" -> {
                    var with = call.body().path("with").asText("");
                    if (with.isEmpty()) throw new IllegalArgumentException("\"with\": the base URL of another simulator of this process");
                    simulator.shareDatabaseWith(EvolutionSimulator.running(with));
                    call.json(200, Json.object().put("shared_with", with));
                }
                case "DELETE shared-database" -> ok(call, simulator::stopSharingDatabase);
                default -> notFound(call);
            }
        } catch (NoSuchElementException e) {
            error(call, 404, e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            error(call, 400, e.getMessage());
        }
    }

    private void answerForInstance(HttpCall call, String name, String action) throws IOException {
        switch (call.method() + " " + action) {
            case "GET " -> call.json(200, AdminJson.view(require(name)));
            case "POST pair" -> pair(call, name);
            case "POST disconnect" -> {
                var reason = call.body().path("reason").asText("");
                simulator.disconnect(name, Disconnect.valueOf(reason.toUpperCase(Locale.ROOT)));
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST webhook" -> {
                simulator.webhookSettings(name, AdminJson.webhook(call.body()));
                call.json(200, AdminJson.view(require(name)));
            }
            case "DELETE webhook" -> {
                simulator.webhookSettings(name, null);
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST unload", "POST load" -> {
                simulator.loaded(name, action.equals("load"));
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST storm" -> {
                var body = call.body();
                simulator.reconnectStorm(name, body.path("cycles").asInt(100), Duration.ofMillis(body.path("pauseMs").asLong(20)));
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST recreate" -> {
                simulator.recreate(name);
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST probe" -> {
                var answer = call.body().path("answer").asText("");
                simulator.probeAnswer(name, whatsapp.simulator.ProbeAnswer.valueOf(answer.toUpperCase(Locale.ROOT)));
                call.json(200, AdminJson.view(require(name)));
            }
            case "POST row" -> {
                var status = call.body().path("connectionStatus").asText("");
                if (!status.matches("open|connecting|close")) throw new IllegalArgumentException("row needs a \"connectionStatus\": open, connecting or close");
                require(name);
                simulator.lagRow(name, status);
                call.json(200, AdminJson.view(require(name)));
            }
            default -> notFound(call);
        }
    }

    private void seed(HttpCall call) throws IOException {
        var body = call.body();
        var seeds = new ArrayList<SeedInstance>();
        if (body.isArray()) body.forEach(node -> seeds.add(AdminJson.seed(node)));
        else seeds.add(AdminJson.seed(body));
        simulator.seed(seeds);
        call.json(201, Json.object().put("seeded", seeds.size()));
    }

    private void pair(HttpCall call, String name) throws IOException {
        var body = call.body();
        if (!body.path("number").isTextual()) throw new IllegalArgumentException("pair needs a \"number\"");
        simulator.pair(name, body.get("number").asText(), body.path("profileName").asText(null));
        call.json(200, AdminJson.view(require(name)));
    }

    private void configure(HttpCall call, JsonNode body) throws IOException {
        if (body.has("version")) simulator.useVersion(ApiVersion.parse(body.get("version").asText()));
        if (body.has("latencyMs")) simulator.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
        if (body.has("removalDelayMs")) simulator.removalDelay(Duration.ofMillis(body.get("removalDelayMs").asLong()));
        if (body.has("qrRotationMs")) simulator.qrRotation(Duration.ofMillis(body.get("qrRotationMs").asLong()));
        if (body.has("qrLimit")) simulator.qrLimit(body.get("qrLimit").asInt());
        if (body.has("webhookRetries") || body.has("webhookBackoffMs") || body.has("webhookTimeoutMs")) {
            var current = simulator.webhookPolicy();
            simulator.webhookPolicy(body.path("webhookRetries").asInt(current.retries()),
                    Duration.ofMillis(body.path("webhookBackoffMs").asLong(current.backoff().toMillis())),
                    Duration.ofMillis(body.path("webhookTimeoutMs").asLong(current.timeout().toMillis())));
        }
        call.json(200, config());
    }

    private JsonNode config() {
        var policy = simulator.webhookPolicy();
        return Json.object().put("version", simulator.version() == ApiVersion.V2 ? "v2" : "v1")
                .put("release", simulator.version().release()).put("latencyMs", simulator.latency().toMillis())
                .put("removalDelayMs", simulator.removalDelay().toMillis())
                .put("qrRotationMs", simulator.qrRotation().toMillis()).put("qrLimit", simulator.qrLimit()).put("webhookRetries", policy.retries())
                .put("webhookBackoffMs", policy.backoff().toMillis()).put("webhookTimeoutMs", policy.timeout().toMillis());
    }

    private InstanceView require(String name) {
        return simulator.instance(name).orElseThrow(() -> new NoSuchElementException("no instance named " + name));
    }

    private static void ok(HttpCall call, Runnable action) throws IOException {
        action.run();
        call.json(200, Json.object().put("ok", true));
    }

    private static void notFound(HttpCall call) throws IOException {
        error(call, 404, "no admin route " + call.method() + " " + call.target());
    }

    private static void error(HttpCall call, int status, String message) throws IOException {
        if (!call.answered()) call.json(status, Json.object().put("error", message));
    }
}
