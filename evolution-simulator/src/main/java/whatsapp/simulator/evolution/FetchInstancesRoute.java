package whatsapp.simulator.evolution;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.instances.InstanceStore;

/**
 * {@code GET /instance/fetchInstances[?instanceName=|?instanceId=|?number=]}: the key is checked first
 * (no instance guard here); an instance token sees only its own rows. Rows are streamed, so 50,000
 * instances cost no more memory than one.
 */
final class FetchInstancesRoute {

    private final InstanceStore store;
    private final Keys keys;
    private final Options options;
    private final Supplier<String> serverUrl;

    FetchInstancesRoute(InstanceStore store, Keys keys, Options options, Supplier<String> serverUrl) {
        this.store = store;
        this.keys = keys;
        this.options = options;
        this.serverUrl = serverUrl;
    }

    void answer(HttpCall call) throws IOException {
        var key = call.header("apikey");
        var global = keys.isGlobal(key);
        var scope = global ? null : key == null ? List.<Instance>of() : store.withToken(key);
        if (scope != null && scope.isEmpty()) {
            Errors.unauthorized(call);
            return;
        }
        var v1 = options.version() == ApiVersion.V1_8;
        var id = present(call.query("instanceId"));
        var number = present(call.query("number"));
        var name = present(call.query("instanceName"));
        if (id != null || number != null) {
            Predicate<Instance> match = id != null ? i -> i.id().equals(id) : i -> number.equals(i.number());
            var found = (scope == null ? store.all() : scope).stream().filter(match).findFirst();
            if (found.isEmpty()) Errors.send(call, 404, "Instance \"" + (id != null ? id : number) + "\" not found");
            else if (!found.get().loaded()) Errors.send(call, 404, "Instance \"" + found.get().name() + "\" not found");
            else write(call, List.of(found.get()), v1, false);
        } else if (name != null) {
            var found = store.find(name).filter(i -> scope == null || scope.contains(i)).filter(Instance::loaded);
            if (found.isEmpty()) Errors.send(call, 404, "Instance \"" + name + "\" not found");
            else write(call, List.of(found.get()), v1, v1 && global);
        } else {
            var rows = scope == null ? store.listed() : scope;
            write(call, v1 ? rows.stream().filter(Instance::loaded).toList() : rows, v1, false);
        }
    }

    /** @param single 1.8 answers {@code ?instanceName=} with the object itself, not a list */
    private void write(HttpCall call, List<Instance> rows, boolean v1, boolean single) throws IOException {
        var url = serverUrl.get();
        call.stream(200, out -> {
            if (!single) out.writeStartArray();
            for (var instance : rows) {
                if (v1) InstanceRows.writeV1(out, instance, url);
                else InstanceRows.writeV2(out, instance);
            }
            if (!single) out.writeEndArray();
        });
    }

    private static String present(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
