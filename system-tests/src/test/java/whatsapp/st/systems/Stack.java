package whatsapp.st.systems;

import java.nio.file.Path;
import java.util.Map;
import whatsapp.localstack.LocalStack;
import whatsapp.localstack.PayaraProcess;
import whatsapp.localstack.RoundRobinFront;
import whatsapp.localstack.WildFlyProcess;

/**
 * The one local stack all system tests of this JVM share, started on first use with a fresh
 * database and stopped when the JVM ends.
 */
public final class Stack {

    /**
     * Added to every port this JVM's servers and receivers listen on: {@code -Dstack.port-offset} (default 0, for
     * running beside another checkout's tests), plus 1000 for each failsafe fork after the first, so that the forks'
     * stacks (one each) never meet.
     */
    public static final int PORT_OFFSET = Integer.getInteger("stack.port-offset", 0) + 1000 * (fork() - 1);

    /** This JVM's failsafe fork: 1, 2, … ({@code stack.fork} is {@code fork-<n>}); 1 outside failsafe. */
    static int fork() {
        String digits = System.getProperty("stack.fork", "").replaceAll("\\D", "");
        return digits.isEmpty() ? 1 : Integer.parseInt(digits);
    }

    /** Where the server POSTs alerts during the tests: a test starts a receiver on this port when it needs one. */
    public static final int ALERT_PORT = 18580 + PORT_OFFSET;

    /** The number the liveness probe asks about (known not to be on WhatsApp). */
    public static final String ZOMBIE_PROBE_NUMBER = "5511900000000";

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
     * The liveness probe is on with a short timeout (1.5 s), a short pause before its retry (0.2 s) and a high rate cap,
     * but its rolling timer is off: tests probe through {@code POST /maintenance/zombie-check}, so that no background
     * probe adds calls to another test's counts. The rolling webhook check is off for the same reason
     * ({@code POST /maintenance/webhook-check}). The flap window is 5 s (instead of 10 minutes), so that a test can
     * outlast it; more than 6 changes of one instance within 5 s happen in no other test.
     */
    static final Map<String, String> TEST_SETTINGS = with(BASE_SETTINGS,
            Map.entry("EVENTS_PRUNE_INTERVAL_SECONDS", "2"),
            Map.entry("IDEMPOTENCY_PRUNE_INTERVAL_SECONDS", "2"),
            Map.entry("CACHE_TTL_SECONDS", "15"),
            Map.entry("ALERT_WEBHOOK_URL", "http://127.0.0.1:" + ALERT_PORT + "/alerts"),
            Map.entry("ALERT_RETRY_MAX_SECONDS", "2"),
            Map.entry("CORS_ALLOWED_ORIGINS", "https://app.example.test, http://localhost:5173"),
            Map.entry("PAIRING_URL_TEMPLATE", "https://app.example.test/orgs/{organization_id}/whatsapp/{integration_id}/pair"),
            Map.entry("RUN_LOCK_RENEW_SECONDS", "1"),
            Map.entry("PROBE_NUMBER", ZOMBIE_PROBE_NUMBER),
            Map.entry("PROBE_TIMEOUT_MS", "1500"),
            Map.entry("PROBE_RETRY_PAUSE_MS", "200"),
            Map.entry("PROBE_RATE_PER_SECOND", "50"),
            Map.entry("PROBE_TICK_SECONDS", "0"),
            Map.entry("WEBHOOK_CHECK_TICK_SECONDS", "0"),
            Map.entry("FLAP_WINDOW_SECONDS", "5"));

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
                // -Dstack.server=payara: Payara Server (payara-server/target/payara6), its ports moved by another
                // payara.port-offset (default 700) above this JVM's, so that they never meet a WildFly's
                boolean payara = PayaraProcess.selected();
                stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack")),
                        payara ? Path.of(System.getProperty("payara.home", "../payara-server/target/payara6"))
                                : Path.of(System.getProperty("wildfly.home", "../ear/target/server")),
                        true, false, TEST_SETTINGS,
                        payara ? PORT_OFFSET + Integer.getInteger("payara.port-offset", 700) : PORT_OFFSET);
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
                second = get().startNode("node-2", PORT_OFFSET + SECOND_NODE_OFFSET, env);
            } catch (Exception e) {
                throw new IllegalStateException("The second node did not start: " + e.getMessage(), e);
            }
        }
        return second;
    }

    /** The second node, started again (after a stop or a kill) with its environment plus {@code settings}. */
    public static synchronized WildFlyProcess restartSecondNode(Map<String, String> settings) {
        try {
            second = get().restartNode(second, settings);
        } catch (Exception e) {
            throw new IllegalStateException("The second node did not start again: " + e.getMessage(), e);
        }
        return second;
    }

    /** A round-robin front over the first node and the second (ClusterIT), on port 8070 plus the stack's offset. */
    public static RoundRobinFront front() throws java.io.IOException {
        var nodes = java.util.List.of(get().server(), secondNode(Map.of())).stream()
                .map(node -> new RoundRobinFront.Node(node.httpUrl(), node.managementUrl() + "/health/ready")).toList();
        return RoundRobinFront.start(8070 + PORT_OFFSET, nodes);
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
