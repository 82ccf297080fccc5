package whatsapp.simulator.evolution;

import java.io.IOException;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.instances.Instance;

/**
 * The {@code /instance/<verb>/{instanceName}} routes, called once the instance exists and the key opens it.
 * "Not loaded" (a DB row only) behaves as upstream: connect and restart answer 200 {@code error:true},
 * logout does nothing, delete drops the row silently.
 */
final class InstanceRoutes {

    /** Evolution stringifies its own exception object badly. */
    private static final String OBJECT_OBJECT = "[object Object]";

    private final InstanceLifecycle lifecycle;
    private final Options options;

    InstanceRoutes(InstanceLifecycle lifecycle, Options options) {
        this.lifecycle = lifecycle;
        this.options = options;
    }

    void connectionState(HttpCall call, Instance instance) throws IOException {
        call.json(200, JsonShapes.connectionState(instance.name(), instance.state()));
    }

    void connect(HttpCall call, Instance instance) throws IOException {
        if (instance.state() == null) {
            call.json(200, JsonShapes.failedWith200(OBJECT_OBJECT));
            return;
        }
        var number = call.query("number");
        var connect = lifecycle.connect(instance, number == null || number.isEmpty() ? null : number);
        if (connect.qr() == null) call.json(200, JsonShapes.connectionState(instance.name(), "open"));
        else call.json(200, JsonShapes.qr(connect.qr()));
    }

    void logout(HttpCall call, Instance instance) throws IOException {
        var before = lifecycle.logout(instance);
        if ("close".equals(before)) notConnected(call, instance);
        else call.json(200, JsonShapes.success("Instance logged out"));
    }

    void delete(HttpCall call, Instance instance) throws IOException {
        if (options.version() == ApiVersion.V1_8 && "open".equals(instance.state())) {
            Errors.send(call, 400, "The \"" + instance.name() + "\" instance needs to be disconnected");
            return;
        }
        lifecycle.delete(instance);
        call.json(200, JsonShapes.success("Instance deleted"));
    }

    void restart(HttpCall call, Instance instance) throws IOException {
        var state = instance.state();
        if (state == null || "close".equals(state)) {
            call.json(200, JsonShapes.failedWith200(OBJECT_OBJECT));
            return;
        }
        instance.restarted();
        call.json(200, JsonShapes.connectionState(instance.name(), state));
    }

    private static void notConnected(HttpCall call, Instance instance) throws IOException {
        Errors.send(call, 400, "The \"" + instance.name() + "\" instance is not connected");
    }
}
