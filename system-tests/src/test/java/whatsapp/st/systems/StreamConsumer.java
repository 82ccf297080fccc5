package whatsapp.st.systems;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A worker's view of the event stream, with nothing but Redis commands: a consumer group (XGROUP CREATE ... MKSTREAM),
 * XREADGROUP, XACK, XPENDING, and XRANGE for what the stream holds.
 */
public final class StreamConsumer implements AutoCloseable {

    public static final String STREAM = "whatsapp:instance-events:stream";

    final RedissonClient client;
    final RStream<String, String> stream;
    final String group;

    StreamConsumer(String group, String password, StreamMessageId from) {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // a password in the URL would win over setPassword: drop it when the test names another one
        String url = password == null ? Stack.get().redisUrl() : Stack.get().redisUrl().replaceFirst("//[^@/]*@", "//");
        var server = config.useSingleServer().setAddress(url).setRetryAttempts(3);
        if (password != null) server.setPassword(password);
        client = Redisson.create(config);
        stream = client.getStream(STREAM, StringCodec.INSTANCE);
        this.group = group;
        stream.createGroup(StreamCreateGroupArgs.name(group).id(from).makeStream());
    }

    /** A group that reads what is appended from now on ({@code $}). */
    public static StreamConsumer newGroup(String group) {
        return new StreamConsumer(group, null, StreamMessageId.NEWEST);
    }

    /** A group that reads the whole stream ({@code 0}), on a Redis still closed to the service by a password. */
    public static StreamConsumer wholeStreamWithPassword(String group, String password) {
        return new StreamConsumer(group, password, StreamMessageId.ALL);
    }

    /** The sequence of the newest entry (its id is {@code 0-<sequence>}), 0 for an empty stream. */
    public static long newestSequence() {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(Stack.get().redisUrl());
        var client = Redisson.create(config);
        try {
            var newest = client.<String, String>getStream(STREAM, StringCodec.INSTANCE).rangeReversed(1, StreamMessageId.MAX, StreamMessageId.MIN);
            return newest.isEmpty() ? 0 : newest.keySet().iterator().next().getId1();
        } finally {
            client.shutdown();
        }
    }

    /**
     * XREADGROUP ... COUNT 100 BLOCK 500 STREAMS stream {@code >} until an event matches, acknowledging (XACK) every
     * entry read; returns every event read, in stream order.
     */
    public List<JsonObject> readUntil(Predicate<JsonObject> last, Duration timeout) {
        var read = new ArrayList<JsonObject>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<StreamMessageId, Map<String, String>> entries = stream.readGroup(group, "consumer-1",
                    StreamReadGroupArgs.neverDelivered().count(100).timeout(Duration.ofMillis(500)));
            if (entries == null) continue;
            for (var entry : entries.entrySet()) {
                read.add(event(entry.getValue()));
                stream.ack(group, entry.getKey());
            }
            if (read.stream().anyMatch(last)) return read;
        }
        throw new AssertionError("no matching event within " + timeout + "; read " + read);
    }

    /** XPENDING: entries delivered to the group and not acknowledged. */
    public long pending() {
        return stream.getPendingInfo(group).getTotal();
    }

    /** XRANGE - +: every event the stream holds, in stream order. */
    public List<JsonObject> all() {
        return stream.range(StreamMessageId.MIN, StreamMessageId.MAX).values().stream().map(StreamConsumer::event).toList();
    }

    static JsonObject event(Map<String, String> fields) {
        var event = Json.createReader(new StringReader(fields.get("event"))).readObject();
        if (!fields.get("event_id").equals(event.getString("event_id"))
                || !fields.get("sequence").equals(String.valueOf(event.getJsonNumber("sequence").longValue()))
                || !fields.get("type").equals(event.getString("type"))
                || !fields.get("instance_name").equals(event.getString("instance_name")))
            throw new AssertionError("the plain fields disagree with the event: " + fields);
        return event;
    }

    /** Lets the service in again: back to the stack's own password (the one in its REDIS_URL), if it has one. */
    public void dropPassword() {
        String userInfo = java.net.URI.create(Stack.get().redisUrl()).getUserInfo();
        String own = userInfo == null ? "" : userInfo.substring(userInfo.indexOf(':') + 1);
        client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).getInstance().setConfig("requirepass", own);
    }

    @Override
    public void close() {
        try {
            stream.removeGroup(group);
        } catch (RuntimeException e) {
            // the stream may be gone with a restarted Redis
        }
        client.shutdown();
    }
}
