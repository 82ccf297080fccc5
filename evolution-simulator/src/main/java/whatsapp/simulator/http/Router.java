package whatsapp.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import whatsapp.simulator.admin.AdminRoutes;
import whatsapp.simulator.evolution.EvolutionRoutes;
import whatsapp.simulator.faults.FaultGate;

/**
 * Every request enters here: {@code /__admin/...} goes to the admin API (never counted, never faulted);
 * an Evolution route passes the fault gate first; anything else is Express's 404 "Cannot GET /path".
 */
public final class Router implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final EvolutionRoutes evolution;
    private final AdminRoutes admin;
    private final FaultGate gate;

    public Router(EvolutionRoutes evolution, AdminRoutes admin, FaultGate gate) {
        this.evolution = evolution;
        this.admin = admin;
        this.gate = gate;
    }

    @Override
    public void handle(HttpExchange exchange) {
        var call = new HttpCall(exchange);
        try {
            if (!call.segments().isEmpty() && AdminRoutes.PREFIX.equals(call.segments().get(0))) {
                admin.answer(call);
                return;
            }
            var route = evolution.resolve(call.method(), call.segments());
            if (route == null) {
                Errors.send(call, 404, "Cannot " + call.method() + " " + call.target());
            } else if (gate.admit(route.name(), call)) {
                evolution.answer(route, call);
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "request failed: " + call.method() + " " + exchange.getRequestURI().getRawPath(), e);
            if (!call.answered()) {
                try {
                    Errors.crash(call, 500, String.valueOf(e.getMessage()));
                } catch (Exception ignored) {
                    // the client went away
                }
            }
        } finally {
            call.close();
        }
    }
}
