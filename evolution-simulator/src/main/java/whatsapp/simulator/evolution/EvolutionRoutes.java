package whatsapp.simulator.evolution;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.instances.InstanceStore;

/**
 * Evolution's URL space. {@link #resolve} names the route (the name faults and counters use);
 * {@link #answer} runs the middleware in upstream order: unknown instance → 404 before the key → 401.
 */
public final class EvolutionRoutes {

    /** A matched route; {@code instanceName} only for {@code /{instanceName}} routes. */
    public record Route(String name, String instanceName) {
    }

    private final InstanceStore store;
    private final Keys keys;
    private final Options options;
    private final Supplier<String> baseUrl;
    private final CreateRoute create;
    private final FetchInstancesRoute fetchInstances;
    private final InstanceRoutes instances;
    private final WebhookRoutes webhooks;
    private final ChatRoutes chat = new ChatRoutes();

    public EvolutionRoutes(InstanceStore store, InstanceLifecycle lifecycle, Options options, String apiKey,
                           Supplier<String> baseUrl) {
        this.store = store;
        this.keys = new Keys(apiKey);
        this.options = options;
        this.baseUrl = baseUrl;
        this.create = new CreateRoute(store, keys, options, lifecycle);
        this.fetchInstances = new FetchInstancesRoute(store, keys, options, baseUrl);
        this.instances = new InstanceRoutes(lifecycle, options);
        this.webhooks = new WebhookRoutes(lifecycle);
    }

    /** @return null when Evolution has no such route ("Cannot GET /path") */
    public Route resolve(String method, List<String> path) {
        if (path.isEmpty()) return "GET".equals(method) ? new Route("root", null) : null;
        if (path.size() == 2 && path.get(0).equals("instance")) {
            if (path.get(1).equals("create") && "POST".equals(method)) return new Route("create", null);
            if (path.get(1).equals("fetchInstances") && "GET".equals(method)) return new Route("fetchInstances", null);
            return null;
        }
        if (path.size() != 3 || path.get(2).isEmpty()) return null;
        var verb = method + " /" + path.get(0) + "/" + path.get(1);
        var name = switch (verb) {
            case "GET /instance/connectionState" -> "connectionState";
            case "GET /instance/connect" -> "connect";
            case "DELETE /instance/logout" -> "logout";
            case "DELETE /instance/delete" -> "delete";
            case "POST /instance/restart" -> "restart";
            case "PUT /instance/restart" -> options.version() == ApiVersion.V1_8 ? "restart" : null;
            case "POST /webhook/set" -> "webhookSet";
            case "GET /webhook/find" -> "webhookFind";
            case "POST /chat/whatsappNumbers" -> "whatsappNumbers";
            default -> null;
        };
        return name == null ? null : new Route(name, path.get(2));
    }

    public void answer(Route route, HttpCall call) throws IOException {
        switch (route.name()) {
            case "root" -> call.json(200, JsonShapes.welcome(options.version(), baseUrl.get()));
            case "create" -> create.answer(call);
            case "fetchInstances" -> fetchInstances.answer(call);
            default -> answerForInstance(route, call);
        }
    }

    private void answerForInstance(Route route, HttpCall call) throws IOException {
        var found = store.find(route.instanceName());
        if (found.isEmpty()) {
            Errors.send(call, 404, "The \"" + route.instanceName() + "\" instance does not exist");
            return;
        }
        var instance = found.get();
        if (!keys.opens(call.header("apikey"), instance)) {
            Errors.unauthorized(call);
            return;
        }
        switch (route.name()) {
            case "connectionState" -> instances.connectionState(call, instance);
            case "connect" -> instances.connect(call, instance);
            case "logout" -> instances.logout(call, instance);
            case "delete" -> instances.delete(call, instance);
            case "restart" -> instances.restart(call, instance);
            case "webhookSet" -> webhooks.set(call, instance);
            case "webhookFind" -> webhooks.find(call, instance);
            case "whatsappNumbers" -> chat.whatsappNumbers(call, instance);
            default -> throw new IllegalStateException("unrouted " + route.name());
        }
    }

    /** The global key now expected (see {@link Keys#rotate}); null restores the one the simulator started with. */
    public void globalKey(String key) {
        if (key == null) keys.restore();
        else keys.rotate(key);
    }
}
