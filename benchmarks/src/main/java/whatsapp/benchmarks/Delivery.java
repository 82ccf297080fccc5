package whatsapp.benchmarks;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.redisson.Redisson;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import whatsapp.localstack.LocalStack;

/**
 * The figures of the events and alerts issue: webhook → alert POST at the receiver, and a catch-up of 10,000 events
 * over HTTP and over the Redis Stream.
 */
final class Delivery {

    /** Where the benchmark stack POSTs alerts (see {@link Benchmarks}). */
    static final int ALERT_PORT = 18580 + 500;
    static final String STREAM = "whatsapp:instance-events:stream";

    final LocalStack stack;
    final Report report;
    final boolean quick;
    final Fleet fleet;
    final String admin;
    final String base;
    /** Instance name → when its first "raised" notice arrived at the receiver. */
    final Map<String, Long> raised = new ConcurrentHashMap<>();
    HttpServer receiver;

    Delivery(LocalStack stack, Report report, boolean quick, Fleet fleet) {
        this.stack = stack;
        this.report = report;
        this.quick = quick;
        this.fleet = fleet;
        this.admin = stack.tokens().admin("benchmark");
        this.base = stack.server().httpUrl();
    }

    /**
     * The alert receiver ({@code ALERT_WEBHOOK_URL}), started by the first section that needs it and kept up to the end:
     * it accepts every notice, so that alerts raised by one section (the burst's flapping) are not retried into the next.
     */
    synchronized void receiveAlerts() throws Exception {
        if (receiver != null) return;
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", ALERT_PORT), 64);
        receiver.createContext("/alerts", exchange -> {
            try (exchange) {
                long now = System.nanoTime();
                var alert = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8))).readObject();
                var notices = alert.containsKey("alerts") ? alert.getJsonArray("alerts").getValuesAs(JsonObject.class) : List.of(alert);
                for (var notice : notices)
                    if ("raised".equals(notice.getString("notice", null))) raised.putIfAbsent(notice.getString("instance_name", ""), now);
                exchange.sendResponseHeaders(204, -1);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(2, r -> {
            var thread = new Thread(r, "alert-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        receiver.start();
    }

    /** Each of N fresh integrations gets a 401 close webhook; the time until its alert reaches the receiver. */
    void webhookToAlert() throws Exception {
        report.section("9. Webhook delivery (device removed) → alert POST at the receiver");
        receiveAlerts();
        int count = quick ? 30 : 200;
        var latencies = new ArrayList<Double>();
        var targets = new ArrayList<String[]>();
        for (int i = 0; i < count; i++) targets.add(integration("bench-alert-" + i + "-" + System.nanoTime()));
        for (var target : targets) {
            long start = System.nanoTime();
            var answer = webhook(target[0], target[1], "close", 401, Instant.now());
            long deadline = start + 5_000_000_000L;
            while (!raised.containsKey(target[0]) && System.nanoTime() < deadline) Thread.sleep(1);
            var at = raised.get(target[0]);
            if (answer == 200 && at != null) latencies.add((at - start) / 1e6);
        }
        var stats = Stats.of(latencies, 1);
        report.add(String.format("%d instances, one 401 close webhook each, awaited in turn: from sending the webhook to the"
                        + " alert's POST arriving at a separate receiver: p50 **%s**, **p99 %s**, max %s (target p99 < 1 s; the relay"
                        + " pauses up to %s ms after a commit and also delivers every second); %d of %d alerts seen",
                count, Report.ms(stats.p50()), Report.ms(stats.p99()), Report.ms(stats.max()), 200, stats.count(), count));
        report.result("alert", Report.ms(stats.p99()) + " (" + stats.count() + "/" + count + " seen)",
                stats.p99() < 1000 && stats.count() == count);
    }

    /** 10,000 status changes, then each catch-up read from the start: HTTP pages of 1,000, and XRANGE pages of 1,000. */
    void catchUp() throws Exception {
        report.section("10. Catch-up of 10,000 events");
        int events = quick ? 2_000 : 10_000;
        var targets = new ArrayList<String[]>();
        for (int t = 0; t < 8; t++) targets.add(integration("bench-catchup-" + t + "-" + System.nanoTime()));
        long after = lastSequence();
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        try {
            var at = Instant.now();
            var sends = new ArrayList<Future<Integer>>();
            for (var target : targets) {
                // each instance's webhooks in turn, each newer than the last: every one is a status change
                sends.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < events / targets.size(); i++)
                        if (webhook(target[0], target[1], i % 2 == 0 ? "connecting" : "open", 200, at.plusMillis(i + 1L)) == 200) ok++;
                    return ok;
                }));
            }
            for (var send : sends) send.get();
        } finally {
            pool.shutdown();
        }
        // wait until the relay has ordered and published what the webhooks recorded
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (lastSequence() - after < events && System.nanoTime() < deadline) Thread.sleep(200);
        Thread.sleep(3000);
        long written = lastSequence() - after;

        long start = System.nanoTime();
        long read = 0;
        long cursor = after;
        while (true) {
            var page = Json.createReader(new StringReader(Benchmarks.send(Benchmarks.request(
                    base + "/integrations/events?after=" + cursor + "&limit=1000", admin).GET().build()).body()))
                    .readObject().getJsonArray("events").getValuesAs(JsonObject.class);
            if (page.isEmpty()) break;
            read += page.size();
            cursor = page.get(page.size() - 1).getJsonNumber("sequence").longValue();
        }
        double http = (System.nanoTime() - start) / 1e9;

        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(stack.redisUrl());
        var redis = Redisson.create(config);
        long streamed = 0;
        double stream;
        try {
            var entries = redis.<String, String>getStream(STREAM);
            start = System.nanoTime();
            var from = new StreamMessageId(0, after + 1);
            while (true) {
                Map<StreamMessageId, Map<String, String>> page = entries.range(1000, from, StreamMessageId.MAX);
                if (page.isEmpty()) break;
                streamed += page.size();
                var last = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
                from = new StreamMessageId(last.getId0(), last.getId1() + 1);
            }
            stream = (System.nanoTime() - start) / 1e9;
        } finally {
            redis.shutdown();
        }
        report.add(String.format("%d webhooks (8 instances in parallel) recorded %d events. Read back from after=%d: over HTTP"
                        + " (`GET /integrations/events`, pages of 1,000) %d events in **%s**; over the stream (XRANGE, pages"
                        + " of 1,000) %d entries in **%s** (targets < 1 s each)",
                events, written, after, read, Report.s(http), streamed, Report.s(stream)));
        report.result("catchup-http", Report.s(http) + " (" + read + " events)", http < 1 && read >= events);
        report.result("catchup-stream", Report.s(stream) + " (" + streamed + " entries)", stream < 1 && streamed >= events);
    }

    /**
     * An Evolution restart's burst: {@code instances × rounds} connection.update deliveries (connecting, open, ... each a
     * status change), sent as fast as the server answers by 16 senders over kept-alive sockets, each instance's
     * deliveries in turn (as Evolution sends them), the instances interleaved. Meanwhile 2 clients GET integrations in a
     * closed loop: their p99 against the same 2 clients' before the burst shows whether request threads starve. Then
     * every event is read back: one status change per delivery, in each instance's order.
     */
    void burst() throws Exception {
        int instances = quick ? 200 : 1000;
        int rounds = quick ? 10 : 20;
        int total = instances * rounds;
        int senders = 16;
        report.section(String.format("8. Webhook burst: %,d deliveries (%,d instances × %d)", total, instances, rounds));
        receiveAlerts();
        fleet.seed(instances, true);
        var names = new ArrayList<String>();
        var ids = new ArrayList<String>();
        try (var connection = fleet.connect(); var query = connection.createStatement();
             var rows = query.executeQuery("SELECT instance_name, id::text FROM integrations.integrations ORDER BY instance_name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
                ids.add(rows.getString(2));
            }
        }
        long after = lastSequence();
        var uri = java.net.URI.create(base);
        String getPath = uri.getPath() + "/integrations/";
        String hookPath = uri.getPath() + "/integrations/webhooks/evolution";
        String secretHeader = "x-evolution-secret: " + Fleet.SECRET + "\r\n";

        // the same 2 GET clients: quiet, then during the burst
        var quiet = gets(ids, getPath, quick ? 3 : 5, null);
        var sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        var answers = new ConcurrentHashMap<Integer, java.util.concurrent.atomic.AtomicInteger>();
        var failures = new java.util.concurrent.atomic.AtomicInteger();
        Instant at = Instant.now().minusSeconds(60);
        var pool = Executors.newFixedThreadPool(senders + 1);
        double seconds;
        Gets during;
        try {
            var duringFuture = pool.submit(() -> gets(ids, getPath, 0, sending));
            long start = System.nanoTime();
            var sends = new ArrayList<Future<?>>();
            for (int t = 0; t < senders; t++) {
                int mine = t;
                sends.add(pool.submit(() -> {
                    var client = new KeepAliveGet(uri, null);
                    try {
                        for (int r = 0; r < rounds; r++)
                            for (int i = mine; i < instances; i += senders) {
                                String name = names.get(i);
                                String body = "{\"event\":\"connection.update\",\"instance\":\"" + name + "\",\"data\":{\"instance\":\""
                                        + name + "\",\"state\":\"" + (r % 2 == 0 ? "connecting" : "open") + "\",\"statusReason\":200,"
                                        + "\"wuid\":\"" + (5511900000000L + i) + "@s.whatsapp.net\"},\"date_time\":\"" + at.plusMillis(r + 1L) + "\"}";
                                try {
                                    answers.computeIfAbsent(client.postJson(hookPath, secretHeader, body),
                                            k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                                } catch (java.io.IOException e) {
                                    failures.incrementAndGet();
                                }
                            }
                    } finally {
                        client.close();
                    }
                    return null;
                }));
            }
            for (var send : sends) send.get();
            seconds = (System.nanoTime() - start) / 1e9;
            sending.set(false);
            during = duringFuture.get();
        } finally {
            sending.set(false);
            pool.shutdownNow();
        }
        int applied = answers.getOrDefault(200, new java.util.concurrent.atomic.AtomicInteger()).get();
        double rate = total / seconds;

        // every event back, in sequence order: per instance, connecting, connected, connecting, ...
        long deadline = System.nanoTime() + 120_000_000_000L;
        var statuses = new java.util.HashMap<String, List<String>>();
        long cursor = after;
        int events = 0;
        long published = 0;
        while (System.nanoTime() < deadline) {
            var page = Json.createReader(new StringReader(Benchmarks.send(Benchmarks.request(
                    base + "/integrations/events?after=" + cursor + "&limit=1000", admin).GET().build()).body()))
                    .readObject().getJsonArray("events").getValuesAs(JsonObject.class);
            if (page.isEmpty()) {
                if (events >= total) break;
                Thread.sleep(200);
                continue;
            }
            for (var event : page) {
                if (!"instance.status_changed".equals(event.getString("type", ""))) continue;
                statuses.computeIfAbsent(event.getString("instance_name", ""), k -> new ArrayList<>()).add(event.getString("status", ""));
                events++;
            }
            cursor = page.get(page.size() - 1).getJsonNumber("sequence").longValue();
            if (published == 0 && events >= total) published = System.nanoTime();
        }
        int inOrder = 0;
        for (var name : names) {
            var seen = statuses.getOrDefault(name, List.of());
            boolean ok = seen.size() == rounds;
            for (int r = 0; ok && r < rounds; r++) ok = seen.get(r).equals(r % 2 == 0 ? "connecting" : "connected");
            if (ok) inOrder++;
        }
        String finalStatus = rounds % 2 == 0 ? "connected" : "connecting";
        long atFinal;
        try (var connection = fleet.connect(); var query = connection.prepareStatement(
                "SELECT count(*) FROM integrations.integrations WHERE status = ?")) {
            query.setString(1, finalStatus);
            try (var rows = query.executeQuery()) {
                rows.next();
                atFinal = rows.getLong(1);
            }
        }
        fleet.clear();
        boolean allApplied = applied == total && failures.get() == 0 && events == total && inOrder == instances && atFinal == instances;
        report.add(String.format("%d senders over kept-alive connections, each instance's deliveries in turn, instances"
                        + " interleaved; every delivery a status change (connecting, open, ...). Sent in **%s: %,.0f deliveries/s**;"
                        + " answers %s, I/O failures %d. Read back from the events feed: %,d `instance.status_changed` events for"
                        + " %,d deliveries; instances whose events are exactly their deliveries in order: **%,d of %,d**; rows"
                        + " with the last delivery's status (`%s`): %,d.", senders, Report.s(seconds), rate, answers,
                failures.get(), events, total, inOrder, instances, finalStatus, atFinal));
        report.add("");
        report.add(String.format("2 closed-loop `GET /integrations/{id}` clients, before the burst (%d s): %,d answered, p50 %s, p99"
                        + " %s, max %s; **during the burst**: %,d answered, p50 %s, **p99 %s**, max %s, failures %d.",
                quick ? 3 : 5, quiet.stats.count(), Report.ms(quiet.stats.p50()), Report.ms(quiet.stats.p99()),
                Report.ms(quiet.stats.max()), during.stats.count(), Report.ms(during.stats.p50()), Report.ms(during.stats.p99()),
                Report.ms(during.stats.max()), during.failures));
        report.result("burst-order", String.format("%,d of %,d applied, %,d events, %,d of %,d instances in order", applied, total,
                events, inOrder, instances), allApplied);
        report.result("burst-rate", String.format("%,.0f/s", rate), rate >= 2000);
        report.result("burst-starve", String.format("p99 %s (quiet %s), max %s, %d failed", Report.ms(during.stats.p99()),
                Report.ms(quiet.stats.p99()), Report.ms(during.stats.max()), during.failures),
                during.failures == 0 && during.stats.count() > 0 && during.stats.p99() < 100);
    }

    record Gets(Stats stats, long failures) {
    }

    /** 2 closed-loop GET clients for {@code seconds}, or while {@code running} is set. */
    Gets gets(List<String> ids, String path, double seconds, java.util.concurrent.atomic.AtomicBoolean running) throws Exception {
        var latencies = java.util.Collections.synchronizedList(new ArrayList<Double>());
        var failures = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        var threads = new ArrayList<Thread>();
        long start = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            var thread = new Thread(() -> {
                var client = new KeepAliveGet(java.net.URI.create(base), admin);
                try {
                    for (int n = offset; running != null ? running.get() : System.nanoTime() < end; n += 2) {
                        long sent = System.nanoTime();
                        try {
                            if (client.get(path + ids.get(n % ids.size())) == 200) latencies.add((System.nanoTime() - sent) / 1e6);
                            else failures.incrementAndGet();
                        } catch (java.io.IOException e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    client.close();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) thread.join();
        return new Gets(Stats.of(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9), failures.get());
    }

    long lastSequence() throws Exception {
        long cursor = 0;
        while (true) {
            var page = Json.createReader(new StringReader(Benchmarks.send(Benchmarks.request(
                    base + "/integrations/events?after=" + cursor + "&limit=1000", admin).GET().build()).body()))
                    .readObject().getJsonArray("events").getValuesAs(JsonObject.class);
            if (page.isEmpty()) return cursor;
            cursor = page.get(page.size() - 1).getJsonNumber("sequence").longValue();
        }
    }

    /** A new integration, paired: {instance name, webhook secret}. */
    String[] integration(String organization) throws Exception {
        var created = Benchmarks.send(Benchmarks.request(base + "/integrations/whatsapp", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization + "\"}")).build());
        String name = Json.createReader(new StringReader(created.body())).readObject().getJsonObject("integration")
                .getString("instance_name");
        String secret = stack.simulator().orElseThrow().instance(name).orElseThrow().webhook().headers().get("x-evolution-secret");
        webhook(name, secret, "open", 200, Instant.now().minusSeconds(1));
        return new String[]{name, secret};
    }

    int webhook(String name, String secret, String state, int reason, Instant at) throws Exception {
        String body = "{\"event\":\"connection.update\",\"instance\":\"" + name + "\",\"data\":{\"instance\":\"" + name
                + "\",\"state\":\"" + state + "\",\"statusReason\":" + reason
                + ",\"wuid\":\"55119" + Math.abs(name.hashCode() % 100_000_000) + "@s.whatsapp.net\"},\"date_time\":\"" + at + "\"}";
        return Benchmarks.send(HttpRequest.newBuilder(java.net.URI.create(base + "/integrations/webhooks/evolution"))
                .header("Content-Type", "application/json").header("x-evolution-secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
    }
}
