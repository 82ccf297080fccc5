package whatsapp.benchmarks;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import org.redisson.Redisson;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.EvolutionSimulator;

/** Each figure of issue 7, measured against the running stack. */
final class Measurements {

    final LocalStack stack;
    final Report report;
    final boolean quick;
    final EvolutionSimulator evolution;
    final Fleet fleet;
    final String admin;
    final String base;

    Measurements(LocalStack stack, Report report, boolean quick) {
        this.stack = stack;
        this.report = report;
        this.quick = quick;
        this.evolution = stack.simulator().orElseThrow();
        this.fleet = new Fleet(stack.jdbcUrl(), evolution);
        this.admin = stack.tokens().admin("benchmark");
        this.base = stack.server().httpUrl();
    }

    void bootAndMemory() throws Exception {
        report.section("1. Boot to ready, resident memory");
        double[] boots = new double[quick ? 1 : 3];
        for (int i = 0; i < boots.length; i++) {
            stack.server().stop();
            long start = System.nanoTime();
            stack.server().start(Duration.ofSeconds(180));
            boots[i] = (System.nanoTime() - start) / 1e9;
            System.out.println("  boot " + (i + 1) + ": " + Report.s(boots[i]));
        }
        double boot = Stats.median(boots);
        report.add("Boot to `/health/ready` UP (process start, EAR deployed, migrations checked), " + boots.length + " boots: "
                + java.util.Arrays.stream(boots).mapToObj(Report::s).reduce((a, b) -> a + ", " + b).orElse("")
                + ", median **" + Report.s(boot) + "** (target < 10 s)");
        report.result("boot", Report.s(boot), boot < 10);
        long rss = rssKb();
        memory("right after boot", 500);
        report.result("rss-boot", mb(rss), rss < 500 * 1024);
    }

    /** At the end of the run: the process every section after the boots ran on. */
    void memoryAtEnd() throws Exception {
        report.section("13. Resident memory after the whole benchmark");
        long rss = rssKb();
        memory("after all runs", 600);
        report.result("rss-end", mb(rss), rss < 600 * 1024);
    }

    static String mb(long kb) {
        return String.format("%.0f MB", kb / 1024.0);
    }

    long rssKb() throws Exception {
        var status = Files.readAllLines(Path.of("/proc/" + stack.server().pid() + "/status"));
        return Long.parseLong(statusField(status, "VmRSS").replaceAll("\\D", ""));
    }

    /** The server's resident memory now, and its peak since the process started. */
    String residentMemory() throws Exception {
        var status = Files.readAllLines(Path.of("/proc/" + stack.server().pid() + "/status"));
        return statusField(status, "VmRSS") + " (peak " + statusField(status, "VmHWM") + ")";
    }

    static String statusField(java.util.List<String> status, String name) {
        return status.stream().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).trim()).orElse("?");
    }

    void memory(String when, int targetMb) throws Exception {
        report.add("");
        report.add("Server resident memory " + when + ": **" + residentMemory() + "** (target < " + targetMb
                + " MB; heap capped at 200 MB)");
        printNativeMemory(when);
    }

    /** With {@code SERVER_JAVA_OPTS=-XX:NativeMemoryTracking=summary}: where the memory goes, printed, not reported. */
    void printNativeMemory(String when) throws Exception {
        if (!System.getenv().getOrDefault("SERVER_JAVA_OPTS", "").contains("NativeMemoryTracking")) return;
        for (String command : new String[]{"VM.native_memory summary", "GC.heap_info"}) {
            var jcmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(stack.server().pid())));
            jcmd.addAll(List.of(command.split(" ")));
            var process = new ProcessBuilder(jcmd).redirectErrorStream(true).start();
            System.out.println(command + " " + when + ":\n" + new String(process.getInputStream().readAllBytes()));
        }
    }

    /** Our sweep: one POST, timed from the client. */
    double sweep() throws Exception {
        long start = System.nanoTime();
        var answer = Benchmarks.send(Benchmarks.request(base + "/maintenance/health-check", admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (answer.statusCode() != 200) throw new IllegalStateException("health-check answered " + answer.statusCode());
        return seconds;
    }

    double oursMedian(int runs) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            fleet.resetStatuses();
            times[i] = sweep();
        }
        return Stats.median(times);
    }

    double seedMedian(int threads, int runs) throws Exception {
        var loop = new SeedLoop(evolution.baseUrl(), evolution.apiKey(), stack.jdbcUrl());
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            fleet.resetStatuses();
            times[i] = loop.run(threads);
        }
        return Stats.median(times);
    }

    void sweeps() throws Exception {
        int size = quick ? 1000 : 10000;
        int sequentialRuns = quick ? 3 : 1;
        report.section("2. Health sweep: ours vs the seed's loop, side by side");
        report.add("Ours: `POST /maintenance/health-check` (one fleet listing, one batched update). Seed: one"
                + " `fetchInstances?instanceName=` per integration awaited in turn plus one UPDATE per row; the same loop"
                + " on 10 threads. 5 ms added by the simulator to every request (a LAN round trip plus Evolution's"
                + " database lookup). All three on the same fleet in one run, the rows reset to `connected` before each;"
                + " medians of 3 runs" + (sequentialRuns == 1 ? ", except the sequential loop: one run (it takes a minute"
                + " and is nearly all the 10,000 × 5 ms it waits)" : "") + ".");
        report.add("");
        report.row("instances", "latency", "ours (runs)", "seed sequential", "seed 10 threads", "vs sequential", "vs 10 threads");
        report.row("---", "---", "---", "---", "---", "---", "---");
        fleet.seed(size);
        evolution.latency(Duration.ofMillis(5));
        try {
            oursMedian(1);   // warm-up, not counted
            double[] ours = oursRuns(3);
            double threaded = seedMedian(10, 3);
            double sequential = seedMedian(1, sequentialRuns);
            double median = Stats.median(ours);
            report.row(size, "5 ms", "**" + Report.s(median) + "** (" + java.util.Arrays.stream(ours).mapToObj(Report::s)
                            .reduce((a, b) -> a + ", " + b).orElse("") + ")", Report.s(sequential), Report.s(threaded),
                    "**" + Report.ratio(sequential, median) + "**", "**" + Report.ratio(threaded, median) + "**");
            String at = String.format("%,d instances", size);
            report.result("sweep-seq", Report.ratio(sequential, median) + " (" + Report.s(sequential) + " vs " + Report.s(median)
                    + ", " + at + ")", sequential / median >= 100);
            report.result("sweep-threads", Report.ratio(threaded, median) + " (" + Report.s(threaded) + " vs "
                    + Report.s(median) + ")", threaded / median >= 15);
            report.result("sweep-abs", Report.s(median), median < 0.5);
        } finally {
            evolution.latency(Duration.ZERO);
        }
    }

    double[] oursRuns(int runs) throws Exception {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            fleet.resetStatuses();
            times[i] = sweep();
        }
        return times;
    }

    void orphanCheck() throws Exception {
        report.section("4. Orphan check");
        int size = quick ? 1000 : 10000;
        fleet.seed(size);
        orphanCheckOnce();   // warm-up, not counted
        evolution.resetCalls();
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) times[i] = orphanCheckOnce();
        double median = Stats.median(times);
        long listings = evolution.calls("fetchInstances") / times.length;
        report.add("`GET /maintenance/orphaned-instances/check` over " + String.format("%,d", size) + " instances / "
                + String.format("%,d", size) + " rows, 3 runs: " + java.util.Arrays.stream(times).mapToObj(Report::s)
                .reduce((a, b) -> a + ", " + b).orElse("") + ", median **" + Report.s(median)
                + "** (target < 0.2 s); fleet listing calls per check: **" + listings + "**. How it grows to 50,000: section 12.");
        report.result("orphans", Report.s(median) + " (" + String.format("%,d", size) + ")", median < 0.2);
        report.result("orphans-listings", Long.toString(listings), listings == 1);
    }

    double orphanCheckOnce() throws Exception {
        long start = System.nanoTime();
        var answer = Benchmarks.send(Benchmarks.request(base + "/maintenance/orphaned-instances/check", admin).GET().build());
        if (answer.statusCode() != 200) throw new IllegalStateException("orphan check answered " + answer.statusCode());
        return (System.nanoTime() - start) / 1e9;
    }

    List<String> integrationIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var connection = fleet.connect(); var query = connection.createStatement();
             var rows = query.executeQuery("SELECT id::text FROM integrations.integrations")) {
            while (rows.next()) ids.add(rows.getString(1));
        }
        return ids;
    }

    void reads() throws Exception {
        report.section("5. GET /integrations/{id}");
        fleet.seed(1000);
        List<String> ids = integrationIds();
        int seconds = quick ? 5 : 15;
        // wrk first: its warm-up run gives C2 the minute it needs on 2 cores before anything is measured.
        boolean wrk = Wrk.installed();
        if (wrk) {
            var results = Wrk.run(ids, base + "/integrations/", admin, seconds, quick ? 10 : 40);
            for (var result : results) {
                report.add(result.line("targets at 16 connections ≥ 6,000 req/s, p99 < 10 ms"));
                report.add("");
            }
            var sixteen = results.get(1);
            report.result("get-rate", String.format("%,.0f req/s", sixteen.rate()), sixteen.rate() >= 6000);
            report.result("get-p99", Report.ms(sixteen.p99Millis()), sixteen.p99Millis() < 10);
        }
        var stats = javaLoad(ids, 16, wrk ? (quick ? 3 : 10) : 60, seconds);
        report.add(String.format("Java load generator (blocking keep-alive sockets, %d closed-loop clients, %d s): **%.0f req/s**,"
                        + " p50 %s, **p99 %s**, max %s, failures %d", 16, seconds, stats.stats().throughput(),
                Report.ms(stats.stats().p50()), Report.ms(stats.stats().p99()), Report.ms(stats.stats().max()), stats.failures()));
        if (!wrk) report.add("(wrk is not installed: `apt-get install wrk` for the figures of record, with a native load generator)");
    }

    record LoadFigures(Stats stats, long failures) {
    }

    /** {@code threads} closed-loop GET clients over kept-alive sockets, cycling through {@code ids}. */
    LoadFigures javaLoad(List<String> ids, int threads, double warmup, double seconds) throws Exception {
        var next = new AtomicInteger();
        var failures = new AtomicLong();
        var clients = java.util.Collections.synchronizedList(new ArrayList<KeepAliveGet>());
        var client = ThreadLocal.withInitial(() -> {
            var mine = new KeepAliveGet(java.net.URI.create(base), admin);
            clients.add(mine);
            return mine;
        });
        String path = java.net.URI.create(base).getPath() + "/integrations/";
        var stats = Load.run(threads, warmup, seconds, () -> {
            String id = ids.get(Math.floorMod(next.getAndIncrement(), ids.size()));
            return client.get().get(path + id) == 200;
        }, failures);
        clients.forEach(KeepAliveGet::close);
        return new LoadFigures(stats, failures.get());
    }

    void creates() throws Exception {
        report.section("6. POST /integrations/whatsapp, 50 concurrent clients across 500 organizations");
        fleet.clear();
        int organizations = 500;
        int requests = quick ? 1000 : 2000;
        var latencies = new LinkedBlockingQueue<Double>();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, AtomicInteger>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            String organization = "bench-create-" + (r % organizations);
            work.add(() -> {
                long start = System.nanoTime();
                var answer = Benchmarks.send(Benchmarks.request(base + "/integrations/whatsapp", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization + "\"}")).build());
                latencies.add((System.nanoTime() - start) / 1e6);
                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                return null;
            });
        }
        long start = System.nanoTime();
        Load.all(50, work);
        double seconds = (System.nanoTime() - start) / 1e9;
        var stats = Stats.of(new ArrayList<>(latencies), seconds);
        long duplicates;
        try (var connection = fleet.connect(); var query = connection.createStatement(); var rows = query.executeQuery("""
                SELECT count(*) FROM (SELECT organization_id FROM integrations.integrations WHERE enabled
                GROUP BY organization_id HAVING count(*) > 1) AS d""")) {
            rows.next();
            duplicates = rows.getLong(1);
        }
        long instances = evolution.instances().stream().filter(i -> i.name().startsWith("clinic-bench-create-")).count();
        report.add(String.format("%d requests: **%.0f req/s**, p50 %s, **p99 %s**; answers %s; organizations with more than"
                        + " one enabled row: **%d**; Evolution instances: %d for %d organizations", requests, stats.throughput(),
                Report.ms(stats.p50()), Report.ms(stats.p99()), statuses, duplicates, instances, organizations));
        report.result("post-p99", Report.ms(stats.p99()) + String.format(" (%,.0f req/s)", stats.throughput()), stats.p99() < 400);
        report.result("post-dups", Long.toString(duplicates), duplicates == 0);
    }

    void webhookToRedis() throws Exception {
        report.section("7. Webhook delivery → instance.status_changed on the topic and the stream");
        fleet.clear();
        var created = Benchmarks.send(Benchmarks.request(base + "/integrations/whatsapp", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"bench-hook\"}")).build());
        String name = Json.createReader(new StringReader(created.body())).readObject().getJsonObject("integration")
                .getString("instance_name");
        String secret = evolution.instance(name).orElseThrow().webhook().headers().get("x-evolution-secret");
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(stack.redisUrl());
        var redis = Redisson.create(config);
        var onTopic = new LinkedBlockingQueue<Long>();
        var onStream = new LinkedBlockingQueue<Long>();
        redis.getTopic("whatsapp:instance-events").addListener(String.class, (channel, message) -> {
            if (message.contains(name) && message.contains("instance.status_changed")) onTopic.add(System.nanoTime());
        });
        var reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        var stream = redis.<String, String>getStream(Delivery.STREAM);
        var newest = stream.rangeReversed(1, StreamMessageId.MAX, StreamMessageId.MIN);
        var reader = new Thread(() -> {
            var last = newest.isEmpty() ? new StreamMessageId(0, 0) : newest.keySet().iterator().next();
            while (reading.get()) {
                Map<StreamMessageId, Map<String, String>> entries = stream.read(StreamReadArgs.greaterThan(last).count(100)
                        .timeout(Duration.ofMillis(200)));
                if (entries == null || entries.isEmpty()) continue;
                long now = System.nanoTime();
                for (var entry : entries.entrySet()) {
                    last = entry.getKey();
                    if (name.equals(entry.getValue().get("instance_name"))
                            && "instance.status_changed".equals(entry.getValue().get("type"))) onStream.add(now);
                }
            }
        }, "stream-reader");
        reader.start();
        List<Double> topicLatencies = new ArrayList<>();
        List<Double> streamLatencies = new ArrayList<>();
        Instant at = Instant.now();
        int deliveries = quick ? 50 : 300;
        try {
            for (int i = 0; i < deliveries; i++) {
                String state = i % 2 == 0 ? "open" : "close";
                at = at.plusMillis(10);
                String body = "{\"event\":\"connection.update\",\"instance\":\"" + name + "\",\"data\":{\"instance\":\"" + name
                        + "\",\"state\":\"" + state + "\",\"statusReason\":" + (state.equals("open") ? 200 : 403)
                        + ",\"wuid\":\"5511999990000@s.whatsapp.net\"},\"date_time\":\"" + at + "\"}";
                long start = System.nanoTime();
                var answer = Benchmarks.send(HttpRequest.newBuilder(java.net.URI.create(base + "/integrations/webhooks/evolution"))
                        .header("Content-Type", "application/json").header("x-evolution-secret", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                Long topic = onTopic.poll(5, TimeUnit.SECONDS);
                Long streamed = onStream.poll(5, TimeUnit.SECONDS);
                if (answer.statusCode() == 200 && topic != null) topicLatencies.add((topic - start) / 1e6);
                if (answer.statusCode() == 200 && streamed != null) streamLatencies.add((streamed - start) / 1e6);
            }
        } finally {
            reading.set(false);
            reader.join(2000);
            redis.shutdown();
        }
        var topic = Stats.of(topicLatencies, 1);
        var streamed = Stats.of(streamLatencies, 1);
        report.add(String.format("%d deliveries, each awaited, from sending the POST to the event arriving at a separate"
                        + " subscriber of the topic: p50 **%s**, **p99 %s**, max %s, %d of %d events seen; at a reader blocked on"
                        + " the stream (XREAD BLOCK): p50 **%s**, **p99 %s**, max %s, %d of %d entries seen (target p99 < 50 ms each)",
                deliveries, Report.ms(topic.p50()), Report.ms(topic.p99()), Report.ms(topic.max()), topic.count(), deliveries,
                Report.ms(streamed.p50()), Report.ms(streamed.p99()), Report.ms(streamed.max()), streamed.count(), deliveries));
        report.result("hook-topic", Report.ms(topic.p99()) + " (" + topic.count() + "/" + deliveries + " seen)",
                topic.p99() < 50 && topic.count() == deliveries);
        report.result("hook-stream", Report.ms(streamed.p99()) + " (" + streamed.count() + "/" + deliveries + " seen)",
                streamed.p99() < 50 && streamed.count() == deliveries);
    }

    /**
     * The rolling liveness probe at its defaults (rate cap 2/s, tick 10 s, period 30 min) over 10,000 connected
     * instances: GET p99 with probing and without, alternating on the same server (probing is switched off by marking
     * every row just probed, on by marking every row due), and the simulator's probe calls counted every 100 ms.
     */
    void zombies() throws Exception {
        int size = quick ? 2000 : 10000;
        int rounds = quick ? 1 : 3;
        int seconds = quick ? 5 : 10;
        report.section("11. Zombie probing of " + String.format("%,d", size) + " connected instances at the default rate");
        fleet.seed(size, true);
        List<String> ids = integrationIds();
        boolean wrk = Wrk.installed();
        // warm-up, not counted
        if (wrk) Wrk.once(ids, base + "/integrations/", admin, quick ? 5 : 15, 16);
        else javaLoad(ids, 16, quick ? 5 : 30, 1);
        var samples = java.util.Collections.synchronizedList(new ArrayList<long[]>());
        var sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (sampling.get()) {
                samples.add(new long[]{System.nanoTime(), evolution.calls("whatsappNumbers")});
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "probe-sampler");
        evolution.resetCalls();
        sampler.start();
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        long probesWhileOn = 0;
        double secondsOn = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                fleet.probedNow();
                Thread.sleep(1000);   // a probe already under way ends
                without[r] = getP99(ids, seconds, wrk);
                fleet.probeAllNow();
                long before = evolution.calls("whatsappNumbers");
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (evolution.calls("whatsappNumbers") == before && System.nanoTime() < deadline) Thread.sleep(100);
                if (evolution.calls("whatsappNumbers") == before) throw new IllegalStateException("the rolling probe did not start");
                long onStart = System.nanoTime();
                long probesAtStart = evolution.calls("whatsappNumbers");
                with[r] = getP99(ids, seconds, wrk);
                probesWhileOn += evolution.calls("whatsappNumbers") - probesAtStart;
                secondsOn += (System.nanoTime() - onStart) / 1e9;
                System.out.printf("  round %d: GET p99 without probing %s, with %s%n", r + 1, Report.ms(without[r]), Report.ms(with[r]));
            }
        } finally {
            sampling.set(false);
            sampler.join();
            fleet.probedNow();
        }
        long maxInASecond = 0;
        synchronized (samples) {
            for (int i = 0; i < samples.size(); i++)
                for (int j = i + 1; j < samples.size() && samples.get(j)[0] - samples.get(i)[0] <= 1_000_000_000L; j++)
                    maxInASecond = Math.max(maxInASecond, samples.get(j)[1] - samples.get(i)[1]);
        }
        long total = evolution.calls("whatsappNumbers");
        int cap = 2;
        double p99Without = Stats.median(without);
        double p99With = Stats.median(with);
        report.add(String.format("`PROBE_NUMBER` set, every other probe setting at its default (`PROBE_RATE_PER_SECOND` %d,"
                        + " `PROBE_TICK_SECONDS` 10, `PROBE_PERIOD_MINUTES` 30); %,d connected instances, all alive. %d rounds of"
                        + " %d s without probing then %d s with it (the probe running), GET measured by %s with 16 connections."
                        + " Probe calls at the simulator (`POST /chat/whatsappNumbers`), counted every 100 ms: %d in all, **at most"
                        + " %d in any 1 s window** (cap %d/s), %.2f/s on average while probing.", cap, size, rounds, seconds,
                seconds, wrk ? "wrk" : "the Java load generator", total, maxInASecond, cap, probesWhileOn / Math.max(1, secondsOn)));
        report.add("");
        report.add("GET p99 without probing: " + java.util.Arrays.stream(without).mapToObj(Report::ms).reduce((a, b) -> a + ", " + b)
                .orElse("") + ", median **" + Report.ms(p99Without) + "**; with probing: " + java.util.Arrays.stream(with)
                .mapToObj(Report::ms).reduce((a, b) -> a + ", " + b).orElse("") + ", median **" + Report.ms(p99With) + "**.");
        report.result("probe-cap", maxInASecond + " (cap " + cap + "/s; " + total + " probes)", maxInASecond <= cap && total > 0);
        report.result("probe-get", Report.ms(p99With) + " with vs " + Report.ms(p99Without) + " without",
                p99With <= Math.max(p99Without * 1.2, p99Without + 1));
    }

    double getP99(List<String> ids, int seconds, boolean wrk) throws Exception {
        if (wrk) return Wrk.once(ids, base + "/integrations/", admin, seconds, 16).p99Millis();
        return javaLoad(ids, 16, 0, seconds).stats().p99();
    }

    void growth() throws Exception {
        report.section("12. How cost grows (0 ms simulator latency)");
        report.row("instances", "sweep", "per instance", "orphan check", "per instance", "server RSS after");
        report.row("---", "---", "---", "---", "---", "---");
        int[] sizes = quick ? new int[]{1000, 5000} : new int[]{1000, 10000, 50000};
        double[] sweeps = new double[sizes.length];
        double[] checks = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int size = sizes[s];
            fleet.seed(size);
            sweeps[s] = oursMedian(3);
            orphanCheckOnce();   // warm-up, not counted
            double[] runs = new double[3];
            for (int i = 0; i < runs.length; i++) runs[i] = orphanCheckOnce();
            checks[s] = Stats.median(runs);
            report.row(String.format("%,d", size), Report.s(sweeps[s]), String.format("%.1f µs", sweeps[s] * 1e6 / size),
                    Report.s(checks[s]), String.format("%.1f µs", checks[s] * 1e6 / size), residentMemory());
            printNativeMemory("after " + size + " instances");
        }
        fleet.clear();
        int last = sizes.length - 1;
        double factor = (double) sizes[last] / sizes[last - 1];
        double orphanRatio = checks[last] / checks[last - 1];
        report.add("");
        report.add(String.format("Medians of 3. From %,d to %,d instances (%.0f×): the sweep took %s, the orphan check **%s**."
                        + " Below ~1,000 instances fixed costs dominate (one listing call, a few queries, the HTTP round trip)."
                        + " Where the memory goes: docs/performance-notes.md.", sizes[last - 1], sizes[last], factor,
                growth(sweeps[last] / sweeps[last - 1], factor), growth(orphanRatio, factor)));
        report.result("orphans-linear", String.format("%.1f× for %.0f× (%s → %s)", orphanRatio, factor, Report.s(checks[last - 1]),
                Report.s(checks[last])), orphanRatio <= factor * 4 / 3);
    }

    /** "4.8× (linear)" or "8.9× (more than linear)": within a third of the size factor counts as linear. */
    static String growth(double ratio, double factor) {
        return String.format("%.1f× (%s)", ratio, ratio <= factor * 4 / 3 ? "linear" : "more than linear");
    }
}
