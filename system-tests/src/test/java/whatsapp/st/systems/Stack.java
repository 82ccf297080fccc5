package whatsapp.st.systems;

import java.nio.file.Path;
import java.util.Map;
import whatsapp.localstack.LocalStack;
import whatsapp.localstack.PayaraProcess;
import whatsapp.localstack.WildFlyProcess;

/**
 * The one local stack all system tests of this JVM share, started on first use with a fresh
 * database and stopped when the JVM ends.
 */
public final class Stack {

    /** Where the server POSTs alerts during the tests: a test starts a receiver on this port when it needs one. */
    public static final int ALERT_PORT = 18580 + Integer.getInteger("stack.port-offset", 0);

    /**
     * What every stack of the system tests runs with: schedules off (tests trigger runs), short Evolution timeouts, a
     * 10-minute orphan grace period and at most 5 deletions per cleanup.
     */
    public static final Map<String, String> BASE_SETTINGS = Map.of(
            "HEALTH_CHECK_SCHEDULE", "off",
            "CLEANUP_SCHEDULE", "off",
            "EVOLUTION_READ_TIMEOUT_MS", "2000",
            "EVOLUTION_LIST_TIMEOUT_MS", "5000",
            "ORPHAN_GRACE_MINUTES", "10",
            "ORPHAN_MAX_DELETIONS", "5");

    /**
     * Settings the tests rely on: no timers firing during tests. The orphan guards keep their production
     * meaning (tests seed old or young instances and rows instead of switching the grace period off); the
     * maximum is 5 so that a test can exceed it with 6 candidates. The fleet listing gives up after 5 s, so
     * that a hanging Evolution fails a test quickly. The outbox is pruned every 2 s (retention as in production), so
     * that a test can watch an event older than the retention go; so are Idempotency-Keys. Routing cache entries live 15 s (instead of an
     * hour), so that a test can see one outlive its TTL through sweeps. An alert the receiver refused is tried again
     * within 2 s (instead of backing off up to a minute), so that one test's refusals never hold up the next's alerts.
     * The browser frontend's origins are two made-up ones (CorsIT).
     * A run's lease is renewed every second (lease 2 s), so that a test can outlast it and see a killed node's lease go.
     */
    static final Map<String, String> TEST_SETTINGS = with(BASE_SETTINGS,
            Map.entry("EVENTS_PRUNE_INTERVAL_SECONDS", "2"),
            Map.entry("IDEMPOTENCY_PRUNE_INTERVAL_SECONDS", "2"),
            Map.entry("CACHE_TTL_SECONDS", "15"),
            Map.entry("ALERT_WEBHOOK_URL", "http://127.0.0.1:" + ALERT_PORT + "/alerts"),
            Map.entry("ALERT_RETRY_MAX_SECONDS", "2"),
            Map.entry("CORS_ALLOWED_ORIGINS", "https://app.example.test, http://localhost:5173"),
            Map.entry("RUN_LOCK_RENEW_SECONDS", "1"));

    static LocalStack stack;
    static WildFlyProcess second;

    /** Port offset of the second node (ClusterIT) above the stack's, clear of the in-container tests' server. */
    public static final int SECOND_NODE_OFFSET = 40;

    /** {@code base} and {@code more} as one map (a later entry wins). */
    @SafeVarargs
    public static Map<String, String> with(Map<String, String> base, Map.Entry<String, String>... more) {
        var all = new java.util.HashMap<>(base);
        for (var entry : more) all.put(entry.getKey(), entry.getValue());
        return Map.copyOf(all);
    }

    private Stack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            try {
                // -Dstack.server=payara: Payara Server (payara-server/target/payara6) on its own ports, HTTP 8080 + 700
                boolean payara = PayaraProcess.selected();
                stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack")),
                        payara ? Path.of(System.getProperty("payara.home", "../payara-server/target/payara6"))
                                : Path.of(System.getProperty("wildfly.home", "../ear/target/server")),
                        true, false, TEST_SETTINGS,
                        payara ? Integer.getInteger("payara.port-offset", 700) : Integer.getInteger("stack.port-offset", 0));
            } catch (Exception e) {
                throw new IllegalStateException("The local stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Stack::stop));
        }
        return stack;
    }

    /**
     * A second WildFly node over this stack's PostgreSQL, Redis and simulator, with the tests' settings plus
     * {@code settings}; started on first use (its own base directory {@code node-2}), stopped with the stack.
     */
    public static synchronized WildFlyProcess secondNode(Map<String, String> settings) {
        if (second == null) {
            var env = new java.util.HashMap<>(TEST_SETTINGS);
            env.putAll(settings);
            try {
                second = get().startNode("node-2", Integer.getInteger("stack.port-offset", 0) + SECOND_NODE_OFFSET, env);
            } catch (Exception e) {
                throw new IllegalStateException("The second node did not start: " + e.getMessage(), e);
            }
        }
        return second;
    }

    /** Stops the second node (a test is done with the cluster). */
    public static synchronized void stopSecondNode() throws InterruptedException {
        if (second != null) second.stop();
        second = null;
    }

    static synchronized void stop() {
        try {
            if (stack != null) stack.close();
        } catch (Exception e) {
            System.err.println("Stopping the local stack: " + e);
        }
    }
}
