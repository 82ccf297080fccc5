package whatsapp.simulator.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import whatsapp.simulator.Fault;
import whatsapp.simulator.http.Errors;
import whatsapp.simulator.http.HttpCall;
import whatsapp.simulator.http.Json;

/**
 * What stands between a client and Evolution: counts the call, adds latency, and lets an injected
 * fault answer (or drop the connection) instead. Blocking here holds only this call's thread.
 */
public final class FaultGate {

    private static final String MANAGER_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"UTF-8\" />"
            + "<title>Evolution Manager</title></head><body><div id=\"root\"></div></body></html>";

    private final Faults faults;
    private final CallCounters counters;
    private final Supplier<Duration> everyCallLatency;

    public FaultGate(Faults faults, CallCounters counters, Supplier<Duration> everyCallLatency) {
        this.faults = faults;
        this.counters = counters;
        this.everyCallLatency = everyCallLatency;
    }

    /** @return true when Evolution should answer; false when a fault already did */
    public boolean admit(String route, HttpCall call) throws IOException {
        counters.count(route);
        var plan = faults.plan(route);
        if (!pause(everyCallLatency.get().plus(plan.latency()))) return dropped(call);
        var fault = plan.answer();
        if (fault == null) return true;
        switch (fault.type()) {
            case RESET -> call.abort();
            case HANG -> {
                if (released(plan)) return true;
                call.abort();
            }
            case EMPTY_LIST -> call.json(200, Json.array());
            case UNAUTHORIZED -> Errors.unauthorized(call);
            case NON_JSON -> call.text(200, "text/html; charset=utf-8", MANAGER_PAGE);
            case STATUS -> answer(call, fault.httpStatus());
            case LATENCY -> throw new IllegalStateException("latency never answers");
        }
        return false;
    }

    private static void answer(HttpCall call, int status) throws IOException {
        if (status == 502 || status == 504) {
            call.text(status, "text/html", proxyPage(status));
        } else if (status == 401) {
            Errors.unauthorized(call);
        } else if (status == 404) {     // what a wrong base URL meets: Express's unknown-route answer
            Errors.send(call, 404, "Cannot " + call.method() + " " + call.target());
        } else {
            Errors.send(call, status, "Simulated fault: " + status + " " + Errors.reason(status));
        }
    }

    /** What nginx in front of Evolution answers when Evolution is down or slow. */
    private static String proxyPage(int status) {
        var title = status + " " + Errors.reason(status);
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private boolean released(Faults.Plan plan) {
        try {
            plan.release().await();
            return !faults.closed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean pause(Duration latency) {
        if (latency.isZero() || latency.isNegative()) return true;
        try {
            Thread.sleep(latency.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean dropped(HttpCall call) {
        call.abort();
        return false;
    }
}
