package whatsapp.st.systems;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A worker's view of Redis: a separate client subscribed to the events topic, and the cache. */
public final class Events implements AutoCloseable {

    public static final String TOPIC = "whatsapp:instance-events";

    final RedissonClient client;
    final List<JsonObject> received = new CopyOnWriteArrayList<>();

    Events(String password) {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // a password in the URL would win over setPassword: drop it when the test names another one
        String url = password == null ? Stack.get().redisUrl() : Stack.get().redisUrl().replaceFirst("//[^@/]*@", "//");
        var server = config.useSingleServer().setAddress(url).setRetryAttempts(3);
        if (password != null) server.setPassword(password);
        client = Redisson.create(config);
        client.getTopic(TOPIC).addListener(String.class,
                (channel, message) -> received.add(Json.createReader(new StringReader(message)).readObject()));
    }

    public static Events subscribe() {
        return new Events(null);
    }

    /** For a Redis started with {@code requirepass}: this client gets in, the service does not (yet). */
    public static Events subscribeWithPassword(String password) {
        return new Events(password);
    }

    /** Lets the service in again: back to the stack's own password (the one in its REDIS_URL), if it has one. */
    public void dropPassword() {
        String userInfo = java.net.URI.create(Stack.get().redisUrl()).getUserInfo();
        String own = userInfo == null ? "" : userInfo.substring(userInfo.indexOf(':') + 1);
        client.getRedisNodes(RedisNodes.SINGLE).getInstance().setConfig("requirepass", own);
    }

    public String cached(String instanceName) {
        return (String) client.getBucket("whatsapp:instance:" + instanceName).get();
    }

    /** @param instanceName the name, or a prefix of it ending in '-' */
    public JsonObject await(String type, String instanceName, Duration timeout) {
        return awaitMatching(e -> e.getString("type").equals(type) && (instanceName.endsWith("-")
                        ? e.getString("instance_name").startsWith(instanceName) : e.getString("instance_name").equals(instanceName)),
                timeout, type + " for " + instanceName);
    }

    public JsonObject awaitMatching(Predicate<JsonObject> condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var match = received.stream().filter(condition).findFirst();
            if (match.isPresent()) return match.get();
            Poll.pause(50);
        }
        throw new AssertionError("no " + what + " within " + timeout + "; received " + received);
    }

    public List<JsonObject> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
