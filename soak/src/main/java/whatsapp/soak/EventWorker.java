package whatsapp.soak;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A worker as docs/events.md describes it: a consumer group on the stream, the HTTP catch-up
 * ({@code GET /integrations/events?after=}) after its own pause and after any Redis failure, events applied in
 * {@code sequence} order and deduplicated by {@code event_id}. It stops now and then for a while (seeded).
 */
final class EventWorker implements Runnable {

    static final String STREAM = "whatsapp:instance-events:stream";
    static final String GROUP = "soak-workers";

    final String redisUrl;
    final Api api;
    final String token;
    final Stats stats;
    final Random random;
    final Duration pauseEvery;
    final Duration pauseFor;
    volatile boolean running = true;
    volatile boolean paused;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    volatile long lastSequence;
    RedissonClient client;
    RStream<String, String> stream;

    EventWorker(String redisUrl, Api api, String token, Stats stats, long seed, Duration pauseEvery, Duration pauseFor) {
        this.redisUrl = redisUrl;
        this.api = api;
        this.token = token;
        this.stats = stats;
        this.random = new Random(seed);
        this.pauseEvery = pauseEvery;
        this.pauseFor = pauseFor;
    }

    void connect() {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(redisUrl).setRetryAttempts(1).setTimeout(3000).setConnectTimeout(2000);
        client = Redisson.create(config);
        stream = client.getStream(STREAM, StringCodec.INSTANCE);
        try {
            stream.createGroup(StreamCreateGroupArgs.name(GROUP).id(new StreamMessageId(0, lastSequence)).makeStream());
        } catch (RuntimeException alreadyThere) {
            // BUSYGROUP: the group survived
        }
    }

    @Override
    public void run() {
        long nextPause = System.currentTimeMillis() + jitter(pauseEvery);
        boolean needCatchUp = true;
        while (running) {
            try {
                if (System.currentTimeMillis() > nextPause) {
                    long pause = jitter(pauseFor);
                    System.out.println("--- worker stops for " + pause / 1000 + " s");
                    stats.count("worker pauses");
                    paused = true;
                    sleep(pause);
                    paused = false;
                    nextPause = System.currentTimeMillis() + jitter(pauseEvery);
                    needCatchUp = true;
                }
                if (needCatchUp) {
                    catchUp();
                    needCatchUp = false;
                }
                if (client == null) connect();
                Map<StreamMessageId, Map<String, String>> entries = stream.readGroup(GROUP, "worker-1",
                        StreamReadGroupArgs.neverDelivered().count(100).timeout(Duration.ofMillis(1000)));
                if (entries == null) continue;
                for (var entry : entries.entrySet()) {
                    stats.count("events read from the stream");
                    apply(Json.createReader(new StringReader(entry.getValue().get("event"))).readObject(), "stream");
                    stream.ack(GROUP, entry.getKey());
                }
            } catch (RuntimeException e) {
                // Redis away (or the group lost with it): catch up over HTTP, then back to the stream
                stats.count("worker: Redis errors");
                if (client != null) {
                    try {
                        client.shutdown();
                    } catch (RuntimeException ignored) {
                        // already broken
                    }
                    client = null;
                }
                sleep(2000);
                needCatchUp = true;
            }
        }
    }

    /** Pages through {@code GET /integrations/events?after=<last applied>} until it answers no events. */
    boolean catchUp() {
        while (true) {
            var answer = api.get("GET /integrations/events", "/integrations/events?after=" + lastSequence + "&limit=1000", token);
            if (answer.status() != 200) {
                stats.count("worker: catch-up answered " + answer.status());
                return false;
            }
            var events = Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("events");
            if (events.isEmpty()) return true;
            for (var event : events.getValuesAs(JsonObject.class)) {
                stats.count("events read over HTTP catch-up");
                apply(event, "catch-up");
            }
        }
    }

    void apply(JsonObject event, String from) {
        String id = event.getString("event_id");
        long sequence = event.getJsonNumber("sequence").longValue();
        var order = stats.invariant("worker saw events in sequence order (new event_id never below the last applied)");
        order.checked(1);
        if (seen.contains(id)) {
            stats.count("events deduplicated by event_id");
            return;
        }
        if (sequence <= lastSequence) {
            order.violated("event " + id + " sequence " + sequence + " (" + event.getString("type") + " "
                    + event.getString("instance_name") + ") arrived from the " + from + " after sequence " + lastSequence);
        }
        seen.add(id);
        lastSequence = Math.max(lastSequence, sequence);
        stats.count("events applied");
    }

    long jitter(Duration base) {
        return base.toMillis() / 2 + (long) (random.nextDouble() * base.toMillis());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every event the outbox serves (after=0, page by page): the truth the worker is compared with. */
    List<JsonObject> allEvents() {
        var all = new ArrayList<JsonObject>();
        long after = 0;
        while (true) {
            var answer = api.get("GET /integrations/events", "/integrations/events?after=" + after + "&limit=1000", token);
            if (answer.status() != 200) throw new IllegalStateException("events answered " + answer.status() + ": " + answer.body());
            var events = Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("events").getValuesAs(JsonObject.class);
            if (events.isEmpty()) return all;
            all.addAll(events);
            after = events.get(events.size() - 1).getJsonNumber("sequence").longValue();
        }
    }

    void stop() {
        running = false;
    }

    void close() {
        if (client != null) client.shutdown();
    }
}
