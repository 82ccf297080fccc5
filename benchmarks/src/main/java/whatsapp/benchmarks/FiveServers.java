package whatsapp.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;

/**
 * Several Evolution servers: five simulators of 10,000 instances each (5 ms added to every request), behind a second
 * WildFly node of the benchmark stack (same PostgreSQL and Redis, {@code EVOLUTION_SERVERS=s1..s5}, port offset
 * {@link Benchmarks#PORT_OFFSET} + 10), stopped after the section. Quiet sweeps of the 50,000 rows, then sweeps with
 * {@code s5} hanging on its listing until the list timeout: the difference is what the hanging server adds.
 */
final class FiveServers {

    static final List<String> SERVERS = List.of("s1", "s2", "s3", "s4", "s5");
    static final long LIST_TIMEOUT_MS = 3000;
    static final Duration LATENCY = Duration.ofMillis(5);

    final LocalStack stack;
    final Report report;
    final boolean quick;

    FiveServers(LocalStack stack, Report report, boolean quick) {
        this.stack = stack;
        this.report = report;
        this.quick = quick;
    }

    void run() throws Exception {
        int perServer = quick ? 2_000 : 10_000;
        int total = perServer * SERVERS.size();
        report.section("3. Several Evolution servers: 5 servers × " + String.format("%,d", perServer) + " instances");
        var simulators = new LinkedHashMap<String, EvolutionSimulator>();
        var settings = new HashMap<String, String>();
        var servers = new StringBuilder();
        try {
            for (var name : SERVERS) {
                var key = "bench-simulator-key-" + name;
                var simulator = EvolutionSimulator.start(0, key);
                simulators.put(name, simulator);
                servers.append(servers.length() == 0 ? "" : ",").append(name).append('=').append(simulator.baseUrl());
                settings.put("EVOLUTION_API_KEY_" + name.toUpperCase(), key);
                settings.put("EVOLUTION_CAPACITY_" + name.toUpperCase(), Integer.toString(2 * perServer));
            }
            settings.put("EVOLUTION_SERVERS", servers.toString());
            settings.put("EVOLUTION_LIST_TIMEOUT_MS", Long.toString(LIST_TIMEOUT_MS));
            seed(simulators, perServer);
            System.out.println("  seeded " + total + " rows and " + SERVERS.size() + " simulators; starting the fleet node");
            var node = stack.startNode("fleet-node", Benchmarks.PORT_OFFSET + 10, settings);
            try {
                String url = node.httpUrl() + "/maintenance/health-check";
                String admin = stack.tokens().admin("benchmark");
                var first = sweep(url, admin);   // the first sweep of a fresh server: JIT warm-up, not counted
                if (first.summary.getInt("total_instances") != total)
                    throw new IllegalStateException("the sweep saw " + first.summary.getInt("total_instances") + " instances");
                double[] quiet = new double[3];
                var split = new ArrayList<String>();
                for (int i = 0; i < quiet.length; i++) {
                    var sweep = sweep(url, admin);
                    quiet[i] = sweep.seconds;
                    split.add(Report.s(sweep.seconds) + " (server " + sweep.summary.getJsonNumber("duration_seconds") + " s)");
                    System.out.println("  quiet sweep: " + split.get(i));
                }
                // s5 hangs on its listing; one instance on each of the others drops: those are still recorded
                simulators.get("s5").inject(Fault.hang("fetchInstances"));
                double[] hung = new double[3];
                int changes = 0;
                boolean s5Unreachable = true;
                try {
                    for (int i = 0; i < hung.length; i++) {
                        for (int s = 0; s < 4; s++) {
                            var name = SERVERS.get(s);
                            // the device removed: closed, the same instance (a re-seed would be a new Evolution id)
                            simulators.get(name).disconnect(name(name, 7 + i), Disconnect.DEVICE_REMOVED);
                        }
                        var sweep = sweep(url, admin);
                        hung[i] = sweep.seconds;
                        changes += sweep.summary.getInt("status_changes");
                        s5Unreachable &= sweep.summary.getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                                .anyMatch(part -> part.getString("name").equals("s5") && !part.getBoolean("reachable"));
                        System.out.println("  sweep with s5 hanging: " + Report.s(sweep.seconds));
                    }
                } finally {
                    simulators.get("s5").clearFaults();
                }
                double quietMedian = Stats.median(quiet);
                double hungMedian = Stats.median(hung);
                double added = hungMedian - quietMedian;
                report.add("A second WildFly node of the benchmark stack with `EVOLUTION_SERVERS=s1..s5`, five simulators in the"
                        + " benchmark's JVM, each with " + String.format("%,d", perServer) + " instances (all `open`) and "
                        + LATENCY.toMillis() + " ms added to every request, " + String.format("%,d", total) + " rows in PostgreSQL, `EVOLUTION_LIST_TIMEOUT_MS="
                        + LIST_TIMEOUT_MS + "`. Times are `POST /maintenance/health-check` round trips; the server's own"
                        + " figure is its summary's `duration_seconds`.");
                report.add("");
                report.row("sweep", "round trips", "median");
                report.row("---", "---", "---");
                report.row("first sweep of the fresh node (JIT warm-up, not counted)", Report.s(first.seconds), "");
                report.row("quiet", String.join(", ", split), "**" + Report.s(quietMedian) + "**");
                report.row("`s5` hanging until its list timeout (" + LIST_TIMEOUT_MS + " ms), one instance dropped on each other server",
                        java.util.Arrays.stream(hung).mapToObj(Report::s).reduce((a, b) -> a + ", " + b).orElse(""),
                        "**" + Report.s(hungMedian) + "**");
                report.add("");
                report.add(String.format("With `s5` hanging: `s5` reported unreachable in every sweep: %s; status changes recorded on"
                                + " the other servers: %d of %d. The hanging server added **%s** to the median sweep (its timeout: %s).",
                        s5Unreachable, changes, 4 * hung.length, Report.s(added), Report.s(LIST_TIMEOUT_MS / 1000.0)));
                report.result("fleet", Report.s(quietMedian) + " (" + String.format("%,d", total) + " instances)", quietMedian < 1.5);
                report.result("fleet-hang", "+" + Report.s(added) + " (" + Report.s(hungMedian) + " vs " + Report.s(quietMedian) + ")",
                        added <= LIST_TIMEOUT_MS / 1000.0 && s5Unreachable && changes == 4 * hung.length);
            } finally {
                node.stop();
            }
        } finally {
            simulators.values().forEach(EvolutionSimulator::close);
            try (var db = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres"); var statement = db.createStatement()) {
                statement.execute("DELETE FROM integrations.integrations WHERE evolution_server <> 'default'");
            }
        }
    }

    static final Instant OLD = Instant.now().minus(Duration.ofHours(3));

    static String name(String server, int i) {
        return "clinic-org-" + server + "-" + i + "-" + OLD.toEpochMilli();
    }

    static String number(int server, int i) {
        return "55" + (11 + server) + "9" + i;
    }

    void seed(Map<String, EvolutionSimulator> simulators, int perServer) throws Exception {
        new Fleet(stack.jdbcUrl(), stack.simulator().orElseThrow()).clear();
        try (var db = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
             var insert = db.prepareStatement("""
                     INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, phone_number,
                         connected_at, created_at, updated_at, status_changed_at, probed_at, evolution_server)
                     SELECT gen_random_uuid(), 'org-' || CAST(? AS text) || '-' || g,
                         'clinic-org-' || CAST(? AS text) || '-' || g || '-' || CAST(? AS text), 'connected', true,
                         CAST(? AS text) || g, now() - interval '3 hours', now() - interval '3 hours',
                         now() - interval '3 hours', now() - interval '3 hours', now(), CAST(? AS text)
                     FROM generate_series(1, CAST(? AS integer)) g""")) {
            for (int s = 0; s < SERVERS.size(); s++) {
                var server = SERVERS.get(s);
                insert.setString(1, server);
                insert.setString(2, server);
                insert.setString(3, Long.toString(OLD.toEpochMilli()));
                insert.setString(4, "55" + (11 + s) + "9");
                insert.setString(5, server);
                insert.setInt(6, perServer);
                insert.executeUpdate();
            }
        }
        for (int s = 0; s < SERVERS.size(); s++) {
            var server = SERVERS.get(s);
            var seeds = new ArrayList<SeedInstance>(perServer);
            for (int i = 1; i <= perServer; i++)
                seeds.add(SeedInstance.named(name(server, i)).status("open").ownerJid(number(s, i) + "@s.whatsapp.net").createdAt(OLD));
            simulators.get(server).seed(seeds);
            simulators.get(server).latency(LATENCY);
        }
    }

    record Timed(JsonObject summary, double seconds) {
    }

    static Timed sweep(String url, String admin) throws Exception {
        long start = System.nanoTime();
        var answer = Benchmarks.send(Benchmarks.request(url, admin).POST(HttpRequest.BodyPublishers.noBody()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) throw new IllegalStateException("health-check answered " + answer.statusCode() + ": " + answer.body());
        var summary = Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("health_summary");
        return new Timed(summary, seconds);
    }
}
