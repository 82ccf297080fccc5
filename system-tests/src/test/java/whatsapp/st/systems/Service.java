package whatsapp.st.systems;

/** Base URLs and tokens of the running service. */
public final class Service {

    private Service() {
    }

    public static String integrations(String path) {
        // Payara redirects a WAR's bare context root (GET /integrations?...) to /integrations/?... with a 301, in its
        // servlet mapper, which no setting turns off (README, the differences): the tests ask the second form there
        if (path.startsWith("?") && whatsapp.localstack.PayaraProcess.selected()) path = "/" + path;
        return Stack.get().server().httpUrl() + "/integrations" + path;
    }

    public static String maintenance(String path) {
        return Stack.get().server().httpUrl() + "/maintenance" + path;
    }

    public static String management(String path) {
        // Payara serves the metrics at the metrics-endpoint WAR's root, /metrics/ (it redirects /metrics there)
        if (path.equals("/metrics")) return Stack.get().server().metricsUrl();
        return Stack.get().server().managementUrl() + path;
    }

    public static String admin() {
        return Stack.get().tokens().admin("alice");
    }

    /** A background worker: the {@code worker} group, no organization (reads every organization's events). */
    public static String worker() {
        return Stack.get().tokens().mint("wendy", java.util.List.of("worker"), null, java.time.Duration.ofHours(1),
                whatsapp.localstack.DevTokens.ISSUER);
    }

    public static String member(String organizationId) {
        return Stack.get().tokens().member("bob", organizationId);
    }
}
