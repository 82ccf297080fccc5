package whatsapp.soak;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.WebhookDelivery;

/**
 * Faults at random from the run's seed, one at a time, each on for a while and then taken away: an Evolution server
 * slow, hanging, answering 5xx, resetting connections, listing nothing, or with a rotated API key; Redis stopped and
 * started; every PostgreSQL connection of the service cut (pg_terminate_backend: what a database restart does to the
 * pools, without the restart itself); one node killed with kill -9 and started again; webhook deliveries replayed
 * with their date_time skewed by minutes.
 */
final class Faults implements Runnable {

    enum Kind {
        EVOLUTION_SLOW, EVOLUTION_HANG, EVOLUTION_5XX, EVOLUTION_RESET, EVOLUTION_EMPTY_LIST, EVOLUTION_KEY_ROTATED,
        REDIS_STOPPED, POSTGRES_CONNECTIONS_CUT, NODE_KILLED, WEBHOOK_CLOCK_SKEW
    }

    /** One fault as injected; {@code end} when it was taken away (the node ready again, for a kill). */
    static final class Injected {
        final Kind kind;
        final String target;
        final long start;
        volatile long end;
        volatile String note = "";

        Injected(Kind kind, String target, long start) {
            this.kind = kind;
            this.target = target;
            this.start = start;
        }
    }

    final LocalStack stack;
    final Map<String, EvolutionSimulator> fleet;
    final Api api;
    final Stats stats;
    final Random random;
    final boolean smoke;
    final long until;
    final AtomicInteger active = new AtomicInteger();
    final List<Injected> injected = new CopyOnWriteArrayList<>();
    volatile boolean running = true;

    Faults(LocalStack stack, Map<String, EvolutionSimulator> fleet, Api api, Stats stats, long seed, boolean smoke, long until) {
        this.stack = stack;
        this.fleet = fleet;
        this.api = api;
        this.stats = stats;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.smoke = smoke;
        this.until = until;
    }

    boolean active() {
        return active.get() > 0;
    }

    @Override
    public void run() {
        var order = new ArrayList<>(List.of(Kind.values()));
        Collections.shuffle(order, random);
        int next = 0;
        EventWorker.sleep(smoke ? 10_000 : 30_000); // a quiet start: the baseline
        while (running && (smoke || System.currentTimeMillis() < until)) {
            // smoke: every kind once, in the seed's order; a long run: any kind, at random
            Kind kind = smoke ? (next < order.size() ? order.get(next++) : null) : Kind.values()[random.nextInt(Kind.values().length)];
            if (kind == null) break;
            long duration = smoke ? 8_000 + random.nextInt(5_000) : 10_000 + random.nextInt(25_000);
            try {
                inject(kind, duration);
            } catch (Exception e) {
                stats.count("fault injection failed: " + kind + " " + e);
                System.out.println("--- fault " + kind + " failed: " + e);
            }
            EventWorker.sleep(smoke ? 4_000 : 10_000 + random.nextInt(30_000));
        }
    }

    void inject(Kind kind, long duration) throws Exception {
        var servers = new ArrayList<>(fleet.keySet());
        String server = servers.get(random.nextInt(servers.size()));
        var simulator = fleet.get(server);
        String target = kind.name().startsWith("EVOLUTION") ? server : "";
        var fault = new Injected(kind, target, System.currentTimeMillis());
        System.out.printf("--- %tT fault %s %s for ~%d s%n", fault.start, kind, target, duration / 1000);
        injected.add(fault);
        stats.count("faults injected: " + kind);
        active.incrementAndGet();
        try {
            switch (kind) {
                case EVOLUTION_SLOW -> {
                    simulator.inject(Fault.latency(Fault.ALL_ROUTES, Duration.ofMillis(1500 + random.nextInt(2500))));
                    EventWorker.sleep(duration);
                    simulator.clearFaults();
                }
                case EVOLUTION_HANG -> hold(simulator, Fault.hang(Fault.ALL_ROUTES), duration);
                case EVOLUTION_5XX -> hold(simulator, Fault.status(Fault.ALL_ROUTES, random.nextBoolean() ? 500 : 502), duration);
                case EVOLUTION_RESET -> hold(simulator, Fault.reset(Fault.ALL_ROUTES), duration);
                case EVOLUTION_EMPTY_LIST -> hold(simulator, Fault.emptyList("fetchInstances"), duration);
                case EVOLUTION_KEY_ROTATED -> {
                    simulator.rotateApiKey("soak-rotated-" + random.nextInt(1_000_000));
                    EventWorker.sleep(duration);
                    simulator.rotateApiKey(simulator.apiKey());
                }
                case REDIS_STOPPED -> {
                    stack.stopRedis();
                    EventWorker.sleep(duration);
                    stack.startRedisAgain();
                }
                case POSTGRES_CONNECTIONS_CUT -> {
                    int cut = 0;
                    for (int i = 0; i < 3; i++) {
                        cut += cutConnections();
                        EventWorker.sleep(2_000);
                    }
                    fault.note = cut + " connections cut";
                }
                case NODE_KILLED -> killAndRestart(fault);
                case WEBHOOK_CLOCK_SKEW -> fault.note = skewWebhooks();
            }
        } finally {
            fault.end = System.currentTimeMillis();
            active.decrementAndGet();
            System.out.printf("--- %tT fault %s over after %d s %s%n", fault.end, kind, (fault.end - fault.start) / 1000, fault.note);
        }
    }

    static void hold(EvolutionSimulator simulator, Fault fault, long duration) {
        simulator.inject(fault);
        EventWorker.sleep(duration);
        simulator.clearFaults(); // also releases hung calls
    }

    /** An honest stand-in for a PostgreSQL restart: every server connection of the service's user is terminated. */
    int cutConnections() throws Exception {
        try (var connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
             var result = connection.createStatement().executeQuery("""
                     SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                     WHERE usename = 'postgres' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** kill -9 of one node's JVM; it is started again at once (the boot is the outage, ~a minute here). */
    void killAndRestart(Injected fault) throws Exception {
        boolean first = random.nextBoolean() || stack.nodes().isEmpty();
        var node = first ? stack.server() : stack.nodes().get(0);
        fault.note = "node " + node.httpUrl();
        node.kill();
        EventWorker.sleep(3_000);
        long booting = System.currentTimeMillis();
        if (first) stack.restartServer(Map.of());
        else stack.restartNode(node, Map.of());
        fault.note += ", rebooted in " + (System.currentTimeMillis() - booting) / 1000 + " s";
    }

    /**
     * Evolution's clock jumps: deliveries it made are sent again (with their own secret) stamped minutes in the past or
     * the future, some beyond WEBHOOK_CLOCK_RESET_SECONDS.
     */
    String skewWebhooks() {
        var deliveries = new ArrayList<WebhookDelivery>();
        for (var simulator : fleet.values()) {
            for (var delivery : simulator.deliveries())
                if (delivery.delivered() && delivery.body().contains("\"date_time\"")) deliveries.add(delivery);
            simulator.clearDeliveries();
        }
        int sent = 0;
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < Math.min(12, deliveries.size()); i++) {
            var delivery = deliveries.get(deliveries.size() - 1 - random.nextInt(Math.min(200, deliveries.size())));
            long skewSeconds = (random.nextBoolean() ? 1 : -1) * (30 + random.nextInt(900));
            String stamp = Instant.now().plusSeconds(skewSeconds).truncatedTo(ChronoUnit.MILLIS).toString();
            String body = delivery.body().replaceFirst("\"date_time\"\\s*:\\s*\"[^\"]*\"", "\"date_time\":\"" + stamp + "\"");
            var headers = new HashMap<String, String>();
            delivery.headers().forEach((name, value) -> {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (!lower.equals("content-type") && !lower.equals("content-length") && !lower.equals("host")) headers.put(name, value);
            });
            var answer = api.post("POST /integrations/webhooks/evolution (skewed)", "/integrations/webhooks/evolution", null, body, headers);
            statuses.merge(answer.status(), 1, Integer::sum);
            sent++;
            EventWorker.sleep(500);
        }
        stats.add("webhooks replayed with a skewed clock", sent);
        return sent + " deliveries replayed, answers " + statuses;
    }

    void stop() {
        running = false;
    }
}
