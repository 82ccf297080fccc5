package whatsapp.simulator.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.instances.InstanceStore;

/**
 * {@code POST /instance/create}: name taken → 403 (before the key), not the global key → 401,
 * invalid body → 400, else 201. The name is claimed atomically: of concurrent creates, one wins.
 */
final class CreateRoute {

    private final InstanceStore store;
    private final Keys keys;
    private final Options options;
    private final InstanceLifecycle lifecycle;

    CreateRoute(InstanceStore store, Keys keys, Options options, InstanceLifecycle lifecycle) {
        this.store = store;
        this.keys = keys;
        this.options = options;
        this.lifecycle = lifecycle;
    }

    void answer(HttpCall call) throws IOException {
        JsonNode body;
        try {
            body = call.body();
        } catch (IOException notJson) {
            Errors.send(call, 400, "Unexpected token in JSON body");
            return;
        }
        var name = body.path("instanceName");
        if (name.isTextual() && store.find(name.asText()).isPresent()) {
            taken(call, name.asText());
            return;
        }
        if (!keys.isGlobal(call.header("apikey"))) {
            Errors.unauthorized(call);
            return;
        }
        var version = options.version();
        var parsed = CreateRequest.parse(body, version);
        if (!parsed.errors().isEmpty()) {
            Errors.send(call, 400, parsed.errors().toArray(String[]::new));
            return;
        }
        var request = parsed.request();
        if (version == ApiVersion.V1_8 && request.token() != null
                && !store.withToken(request.token()).isEmpty()) {
            Errors.send(call, 400, "Token already exists");
            return;
        }
        var created = lifecycle.create(request);
        if (created.isEmpty()) {
            taken(call, request.name());
            return;
        }
        var connect = created.get().connect();
        call.json(201, JsonShapes.created(created.get().instance(), request, connect == null ? null : connect.qr(), version));
    }

    private static void taken(HttpCall call, String name) throws IOException {
        Errors.send(call, 403, "This name \"" + name + "\" is already in use.");
    }
}
