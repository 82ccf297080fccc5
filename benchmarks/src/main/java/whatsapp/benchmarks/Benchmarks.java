package whatsapp.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import whatsapp.localstack.LocalStack;

/**
 * {@code ./benchmarks/run.sh}: starts the real system (provisioned WildFly, embedded PostgreSQL and
 * Redis, the simulator), measures each figure of issue 20's target table and rewrites docs/benchmarks.md: a summary
 * table (measure, target, figure, met?) then each section's details.
 * Arguments: project root, then optionally {@code quick} (smaller runs) and {@code only=reads,sweeps,...}
 * (some measurements); docs/benchmarks.md is rewritten only by a full run, a reduced one writes
 * benchmarks/target/benchmarks.md.
 */
public final class Benchmarks {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The benchmark stack's WildFly port offset (8580, 10490); the five-server node runs at this + 10. */
    static final int PORT_OFFSET = 500;
    /** Known not to be on WhatsApp (a reserved range); switches the rolling liveness probe on at its default rate. */
    static final String PROBE_NUMBER = "5511900000000";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("quick");
        String only = arguments.stream().filter(a -> a.startsWith("only=")).findFirst().orElse(null);
        Set<String> selected = only == null ? null : Set.of(only.substring(5).split(","));
        double loadAtStart = loadAverage()[0];
        var report = new Report();
        // schedules off (each section runs what it measures); probing on, at its default rate and tick, but Fleet seeds
        // rows as just probed, so it probes only where a section asks; the rolling webhook check off
        var overrides = Map.of("HEALTH_CHECK_SCHEDULE", "off", "CLEANUP_SCHEDULE", "off",
                "ORPHAN_MAX_DELETIONS", "20", "DB_POOL_MAX", "60", "PROBE_NUMBER", PROBE_NUMBER, "WEBHOOK_CHECK_TICK_SECONDS", "0",
                "ALERT_WEBHOOK_URL", "http://127.0.0.1:" + Delivery.ALERT_PORT + "/alerts");
        long started = System.nanoTime();
        try (var stack = LocalStack.start(root.resolve("benchmarks/target/local-stack"), root.resolve("ear/target/server"),
                true, false, overrides, PORT_OFFSET)) {
            var bench = new Measurements(stack, report, quick);
            var delivery = new Delivery(stack, report, quick, bench.fleet);
            // from the start: alerts any section raises (the sweeps' device removals) are taken at once, never left to
            // back off and hold up the alerts section's own
            delivery.receiveAlerts();
            var sections = new ArrayList<Section>();
            // boot first: its restarts leave the process every later section runs on, so "after the whole benchmark" is that
            sections.add(new Section("boot", bench::bootAndMemory));
            sections.add(new Section("sweeps", bench::sweeps));
            sections.add(new Section("fleet", new FiveServers(stack, report, quick)::run));
            sections.add(new Section("orphans", bench::orphanCheck));
            sections.add(new Section("reads", bench::reads));
            sections.add(new Section("creates", bench::creates));
            sections.add(new Section("webhooks", bench::webhookToRedis));
            sections.add(new Section("alerts", delivery::webhookToAlert));
            sections.add(new Section("catchup", delivery::catchUp));
            sections.add(new Section("burst", delivery::burst));
            sections.add(new Section("zombies", bench::zombies));
            sections.add(new Section("growth", bench::growth));
            var chosen = sections.stream().filter(s -> selected == null || selected.contains(s.name())).toList();
            int n = 0;
            for (var section : chosen) {
                n++;
                System.out.printf("%n==> [%d/%d] %s (%.0f s into the run)%n", n, chosen.size(), section.name(),
                        (System.nanoTime() - started) / 1e9);
                measure(report, section);
            }
            System.out.printf("%n==> memory after all runs (%.0f s into the run)%n", (System.nanoTime() - started) / 1e9);
            measure(report, new Section("memory", bench::memoryAtEnd));
        }
        System.out.printf("%n==> done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        boolean full = selected == null && !quick;
        Path out = full ? root.resolve("docs/benchmarks.md") : root.resolve("benchmarks/target/benchmarks.md");
        report.write(out, header(quick, only, loadAtStart, (System.nanoTime() - started) / 1e9), notes(root));
        System.out.println();
        System.out.println(report.summary());
        System.out.println("Written: " + out);
        System.exit(0);
    }

    record Section(String name, Measurement measurement) {
    }

    interface Measurement {
        void run() throws Exception;
    }

    /** One failed measurement is reported as such; the others still run. */
    static void measure(Report report, Section section) {
        try {
            section.measurement().run();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            report.add("");
            report.add("**Not measured (" + section.name() + "):** " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String header(boolean quick, String only, double loadAtStart, double seconds) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        String os = Files.exists(Path.of("/etc/os-release")) ? Files.readAllLines(Path.of("/etc/os-release")).stream()
                .filter(l -> l.startsWith("PRETTY_NAME=")).findFirst().map(l -> l.substring(12).replace("\"", "")).orElse("") : "";
        double[] load = loadAverage();
        return "# Benchmarks\n\nGenerated by `./benchmarks/run.sh" + (quick ? " quick" : "")
                + (only != null ? " " + only : "") + "` on " + Instant.now()
                + String.format(" in %.0f s", seconds) + (quick || only != null ? " (a reduced run: smaller sizes, not the"
                + " figures of record)" : "") + ".\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + String.format("%.1f GB", memoryKb / 1024.0 / 1024.0) + " of memory, " + os + ", Linux "
                + System.getProperty("os.version") + "; Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "); load average (1 min) at the start " + String.format("%.2f", loadAtStart) + ", at the end "
                + String.format("%.2f", load[0])
                + ". Server (heap capped at 200 MB), load generator, simulators, PostgreSQL and Redis all share these cores,"
                + " so absolute figures are pessimistic; each ratio is measured side by side in one run. Timings are medians"
                + " of 3 runs unless a section says otherwise; latencies are percentiles over every request of a run.\n";
    }

    static double[] loadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[]{Double.parseDouble(fields[0])};
        } catch (Exception e) {
            return new double[]{-1};
        }
    }

    /** The hand-written part: what profiling showed for the targets not met (benchmarks/notes.md), kept with the code. */
    static String notes(Path root) throws Exception {
        Path notes = root.resolve("benchmarks/notes.md");
        return Files.exists(notes) ? "\n" + Files.readString(notes) : "";
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token);
    }
}
