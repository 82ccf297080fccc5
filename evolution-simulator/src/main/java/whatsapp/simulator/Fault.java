package whatsapp.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Something going wrong in front of Evolution, for one route ({@code create}, {@code fetchInstances}, ...)
 * or {@code "*"} for every route. Applies to every matching call unless limited with {@link #times(int)}.
 */
public record Fault(String route, Type type, int httpStatus, Duration latency, int times) {

    public static final String ALL_ROUTES = "*";
    public static final int FOREVER = -1;

    public enum Type {
        /** answer late (adds to other faults) */ LATENCY,
        /**
         * answer with this status: Evolution error envelope, HTML proxy page for 502/504, and for 404 the
         * unknown-route answer {@code ["Cannot GET /path"]} that a wrong base URL meets
         */ STATUS,
        /** close the connection without an HTTP answer */ RESET,
        /** never answer until faults are cleared or the simulator closes */ HANG,
        /** fetchInstances answers {@code []} */ EMPTY_LIST,
        /** 401 envelope */ UNAUTHORIZED,
        /** 200 text/html */ NON_JSON
    }

    public Fault {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(type, "type");
        latency = latency == null ? Duration.ZERO : latency;
        if (times == 0 || times < FOREVER) throw new IllegalArgumentException("times must be positive");
    }

    public static Fault latency(String route, Duration latency) {
        return new Fault(route, Type.LATENCY, 0, latency, FOREVER);
    }

    public static Fault status(String route, int httpStatus) {
        return new Fault(route, Type.STATUS, httpStatus, Duration.ZERO, FOREVER);
    }

    /**
     * Closes the connection before any answer. HTTP clients retry an idempotent request once after
     * that (JDK HttpClient, Apache HttpClient), so {@code reset("connectionState").times(1)} is absorbed
     * by such a client's GET: use {@code times(2)} or more, or leave it on until {@code clearFaults()}.
     */
    public static Fault reset(String route) {
        return new Fault(route, Type.RESET, 0, Duration.ZERO, FOREVER);
    }

    public static Fault hang(String route) {
        return new Fault(route, Type.HANG, 0, Duration.ZERO, FOREVER);
    }

    public static Fault emptyList(String route) {
        return new Fault(route, Type.EMPTY_LIST, 0, Duration.ZERO, FOREVER);
    }

    public static Fault unauthorized(String route) {
        return new Fault(route, Type.UNAUTHORIZED, 401, Duration.ZERO, FOREVER);
    }

    public static Fault nonJson(String route) {
        return new Fault(route, Type.NON_JSON, 200, Duration.ZERO, FOREVER);
    }

    /** Apply to the next {@code n} matching calls only. */
    public Fault times(int n) {
        return new Fault(route, type, httpStatus, latency, n);
    }

    public boolean appliesTo(String calledRoute) {
        return ALL_ROUTES.equals(route) || route.equals(calledRoute);
    }
}
