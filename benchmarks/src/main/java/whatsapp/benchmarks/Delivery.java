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
    final String admin;
    final String base;

    Delivery(LocalStack stack, Report report, boolean quick) {
        this.stack = stack;
        this.report = report;
        this.quick = quick;
        this.admin = stack.tokens().admin("benchmark");
        this.base = stack.server().httpUrl();
    }

    /** Each of N fresh integrations gets a 401 close webhook; the time until its alert reaches the receiver. */
    void webhookToAlert() throws Exception {
        report.section("7. Webhook delivery (device removed) → alert POST at the receiver");
        var arrived = new ConcurrentHashMap<String, Long>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", ALERT_PORT), 64);
        receiver.createContext("/alerts", exchange -> {
            try (exchange) {
                long now = System.nanoTime();
                var alert = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8))).readObject();
                var notices = alert.containsKey("alerts") ? alert.getJsonArray("alerts").getValuesAs(JsonObject.class) : List.of(alert);
                for (var notice : notices)
                    if ("raised".equals(notice.getString("notice", null))) arrived.putIfAbsent(notice.getString("instance_name", ""), now);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        int count = quick ? 30 : 200;
        var latencies = new ArrayList<Double>();
        try {
            var targets = new ArrayList<String[]>();
            for (int i = 0; i < count; i++) targets.add(integration("bench-alert-" + i + "-" + System.nanoTime()));
            for (var target : targets) {
                long start = System.nanoTime();
                var answer = webhook(target[0], target[1], "close", 401, Instant.now());
                long deadline = start + 5_000_000_000L;
                while (!arrived.containsKey(target[0]) && System.nanoTime() < deadline) Thread.sleep(1);
                var at = arrived.get(target[0]);
                if (answer == 200 && at != null) latencies.add((at - start) / 1e6);
            }
        } finally {
            receiver.stop(0);
        }
        var stats = Stats.of(latencies, 1);
        report.add(String.format("%d instances, one 401 close webhook each, awaited in turn: from sending the webhook to the"
                        + " alert's POST arriving at a separate receiver: p50 **%s**, **p99 %s**, max %s (target p99 < 1 s; the relay"
                        + " pauses up to %s ms after a commit and also delivers every second); %d of %d alerts seen",
                count, Report.ms(stats.p50()), Report.ms(stats.p99()), Report.ms(stats.max()), 200, stats.count(), count));
    }

    /** 10,000 status changes, then each catch-up read from the start: HTTP pages of 1,000, and XRANGE pages of 1,000. */
    void catchUp() throws Exception {
        report.section("8. Catch-up of 10,000 events");
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
