package whatsapp.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import whatsapp.localstack.DevTokens;
import whatsapp.localstack.LocalStack;
import whatsapp.localstack.RoundRobinFront;
import whatsapp.simulator.EvolutionSimulator;

/**
 * The chaos soak ({@code ./soak/run.sh [--minutes N] [--smoke] [--seed S]}): the local stack with two WildFly nodes
 * behind a round-robin front and three simulated Evolution servers, clinic traffic, an event worker and an alert
 * receiver, faults at random from a printed seed, the invariants checked every few seconds and at the end, and the
 * report written to {@code docs/reliability.md}. Sized for a 2-core machine shared with other work.
 */
public final class Soak {

    static final int NODE_OFFSET = 600;
    /** 620, not more: the second node's HTTPS port (8443 + offset) stays below 9080, which other runs use. */
    static final int SECOND_NODE_OFFSET = 620;
    static final int FRONT_PORT = 8670;
    static final int ALERT_PORT = 8690;
    static final int ORGANIZATIONS = 300;
    static final int CLIENT_THREADS = 4;
    /** Mean pause of a client between two actions: 4 clients ≈ 8 actions a second. */
    static final long CLIENT_PAUSE_MILLIS = 500;
    static final List<String> SERVERS = List.of("evo-a", "evo-b", "evo-c");
    static final Duration GRACE = Duration.ofMinutes(1);
    static final Duration RUN_PERIOD = Duration.ofSeconds(30);
    /** --no-faults: load and invariants only (a baseline). */
    static boolean noFaults;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int minutes = 30;
        boolean smoke = false;
        boolean noFaults = false;
        long seed = System.nanoTime() & 0xFFFFFFFL;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--smoke" -> smoke = true;
                case "--no-faults" -> noFaults = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use [--minutes N] [--smoke] [--seed S]");
            }
        }
        if (smoke) minutes = 3;
        Soak.noFaults = noFaults;
        System.out.println("==> Soak: seed " + seed + ", " + minutes + " min" + (smoke ? " (smoke: each fault kind once)" : "")
                + "; repeat with ./soak/run.sh " + (smoke ? "--smoke " : "--minutes " + minutes + " ") + "--seed " + seed);
        int exit = new Soak().run(root, minutes, smoke, seed);
        System.exit(exit);
    }

    int run(Path root, int minutes, boolean smoke, long seed) throws Exception {
        var stats = new Stats();
        String frontUrl = "http://127.0.0.1:" + FRONT_PORT;
        var overrides = new LinkedHashMap<String, String>();
        overrides.put("PUBLIC_URL", frontUrl);                        // Evolution's webhooks go through the front
        overrides.put("HEALTH_CHECK_SCHEDULE", "second=*/30;minute=*");
        overrides.put("CLEANUP_SCHEDULE", "second=15/30;minute=*");
        overrides.put("ORPHAN_GRACE_MINUTES", Long.toString(GRACE.toMinutes()));
        overrides.put("ORPHAN_MAX_DELETIONS", "50");
        overrides.put("EVOLUTION_READ_TIMEOUT_MS", "3000");
        overrides.put("EVOLUTION_LIST_TIMEOUT_MS", "10000");
        overrides.put("DELETION_LEASE_SECONDS", "20");
        overrides.put("RUN_LOCK_RENEW_SECONDS", "5");
        overrides.put("ALERT_WEBHOOK_URL", "http://127.0.0.1:" + ALERT_PORT + "/alerts");
        overrides.put("ALERT_RETRY_MAX_SECONDS", "5");
        overrides.put("SERVER_JAVA_OPTS", "-Xmx256m");

        var alerts = new AlertReceiver(ALERT_PORT, stats);
        Path work = root.resolve("soak/target/stack");
        long booted = System.currentTimeMillis();
        var stack = LocalStack.start(work, root.resolve("ear/target/server"), true, false, overrides, NODE_OFFSET,
                System.out::println, SERVERS);
        RoundRobinFront front = null;
        var threads = Executors.newCachedThreadPool();
        try {
            stack.startNode("node-2", SECOND_NODE_OFFSET, Map.of());
            var nodes = new ArrayList<RoundRobinFront.Node>();
            nodes.add(new RoundRobinFront.Node(stack.server().httpUrl(), stack.server().managementUrl() + "/health/ready"));
            for (var node : stack.nodes()) nodes.add(new RoundRobinFront.Node(node.httpUrl(), node.managementUrl() + "/health/ready"));
            front = RoundRobinFront.start(FRONT_PORT, nodes);
            System.out.printf("==> Stack up in %d s: front %s over %s and %s; Evolution %s%n", (System.currentTimeMillis() - booted) / 1000,
                    front.url(), stack.server().httpUrl(), stack.nodes().get(0).httpUrl(), SERVERS);

            var fleet = new LinkedHashMap<String, EvolutionSimulator>();
            for (var name : SERVERS) fleet.put(name, stack.simulator(name));
            String admin = stack.tokens().admin("soak-admin");
            String worker = stack.tokens().mint("soak-worker", List.of("worker"), null, Duration.ofHours(12), DevTokens.ISSUER);

            long started = System.currentTimeMillis();
            long loadUntil = started + Duration.ofMinutes(minutes).toMillis();
            Faults[] faultsHolder = new Faults[1];
            var api = new Api(frontUrl, stats, () -> faultsHolder[0] != null && faultsHolder[0].active());
            var faults = new Faults(stack, fleet, api, stats, seed, smoke, loadUntil - (smoke ? 0 : 60_000));
            faultsHolder[0] = faults;
            var orgs = new ArrayList<Clients.Org>();
            for (int i = 0; i < ORGANIZATIONS; i++) orgs.add(new Clients.Org(String.format("soak-org-%03d", i), String.format("5511%09d", 900_000 + i)));
            var clients = new Clients(api, admin, stats, orgs, fleet::get, CLIENT_PAUSE_MILLIS);
            var eventWorker = new EventWorker(stack.redisUrl(), api, worker, stats, seed,
                    smoke ? Duration.ofSeconds(60) : Duration.ofMinutes(4), smoke ? Duration.ofSeconds(20) : Duration.ofMinutes(1));
            var invariants = new Invariants(stack.jdbcUrl(), stats, fleet);

            threads.submit(eventWorker);
            for (int i = 0; i < CLIENT_THREADS; i++) threads.submit(clients.client(seed * 31 + i));
            var faultThread = noFaults ? java.util.concurrent.CompletableFuture.completedFuture(null) : threads.submit(faults);
            var checker = Executors.newSingleThreadScheduledExecutor();
            checker.scheduleWithFixedDelay(invariants::continuous, 5, 5, TimeUnit.SECONDS);
            checker.scheduleWithFixedDelay(() -> System.out.printf("... %ds: %d requests, %d events applied, %d faults, %d violations%n",
                    (System.currentTimeMillis() - started) / 1000, stats.get("requests"), stats.get("events applied"),
                    faults.injected.size(), violations(stats)), 30, 30, TimeUnit.SECONDS);

            while (System.currentTimeMillis() < loadUntil || (smoke && !faultThread.isDone())) Thread.sleep(1000);
            long loadEnded = System.currentTimeMillis();
            faults.stop();
            try {
                faultThread.get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                System.out.println("--- the last fault did not end in time: " + e);
            }
            for (var simulator : fleet.values()) simulator.clearFaults();
            clients.running = false;
            System.out.println("==> Load stopped after " + (loadEnded - started) / 1000 + " s; settling: the grace period, a cleanup and a sweep");
            // settle: an orphan made by the last fault outlives the grace period, the next cleanup deletes it, a sweep rewrites the cache
            Thread.sleep(GRACE.plus(RUN_PERIOD.multipliedBy(2)).plusSeconds(10).toMillis());
            eventWorker.stop();
            threads.shutdown();
            threads.awaitTermination(60, TimeUnit.SECONDS);
            checker.shutdownNow();
            checker.awaitTermination(30, TimeUnit.SECONDS);
            // the worker's last word: everything after what it applied, then the outbox as the truth
            eventWorker.catchUp();
            eventWorker.close();
            invariants.atEnd(stack.redisUrl(), GRACE, RUN_PERIOD);
            checkEvents(eventWorker, stats);
            long ended = System.currentTimeMillis();
            var findingsFile = root.resolve("soak/findings.md");
            String findings = Files.exists(findingsFile) ? Files.readString(findingsFile) : null;
            String report = Report.markdown(findings, seed, smoke, minutes, started, loadEnded, ended, stats, faults.injected, clients.createsOk,
                    Map.of("organizations", ORGANIZATIONS, "client threads", CLIENT_THREADS, "mean pause per client (ms)", CLIENT_PAUSE_MILLIS,
                            "nodes", 2, "Evolution servers", SERVERS.size()), overrides);
            Files.writeString(root.resolve("docs/reliability.md"), report);
            System.out.println(Report.summary(seed, stats, faults.injected));
            System.out.println("==> Report: docs/reliability.md");
            return violations(stats) == 0 ? 0 : 1;
        } finally {
            threads.shutdownNow();
            if (front != null) front.close();
            alerts.close();
            stack.close();
        }
    }

    static void checkEvents(EventWorker worker, Stats stats) {
        var invariant = stats.invariant("worker saw every event (outbox vs worker, by event_id)");
        var all = worker.allEvents();
        stats.add("events in the outbox", all.size());
        for (var event : all) {
            invariant.checked(1);
            if (!worker.seen.contains(event.getString("event_id")))
                invariant.violated("event " + event.getString("event_id") + " sequence " + event.getJsonNumber("sequence")
                        + " " + event.getString("type") + " " + event.getString("instance_name") + " never reached the worker");
        }
    }

    static long violations(Stats stats) {
        synchronized (stats.invariants) {
            return stats.invariants.values().stream().mapToLong(i -> i.violations.get()).sum();
        }
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
