package whatsapp.st.systems;

import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** A worker's view of the routing cache ({@code whatsapp:instance:<name>}), through a Redis client of its own. */
public final class Cache implements AutoCloseable {

    final RedissonClient client;

    Cache() {
        var config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(Stack.get().redisUrl()).setRetryAttempts(3);
        client = Redisson.create(config);
    }

    public static Cache open() {
        return new Cache();
    }

    /**
     * {@code CLIENT PAUSE <millis> WRITE}: Redis holds every client's writes (the service's XADD and PUBLISH) for that
     * long and answers reads; a Redis busy with a fork or a slow disk, as far as a relay can tell.
     */
    public static void pauseWrites(Duration duration) throws java.io.IOException {
        var url = java.net.URI.create(Stack.get().redisUrl());
        try (var socket = new java.net.Socket(url.getHost(), url.getPort())) {
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            String userInfo = url.getUserInfo();
            if (userInfo != null && userInfo.indexOf(':') >= 0 && userInfo.indexOf(':') < userInfo.length() - 1) {
                out.write(resp("AUTH", userInfo.substring(userInfo.indexOf(':') + 1)));
                expectOk(in.readLine());
            }
            out.write(resp("CLIENT", "PAUSE", Long.toString(duration.toMillis()), "WRITE"));
            expectOk(in.readLine());
        }
    }

    static byte[] resp(String... words) {
        var command = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) command.append('$').append(word.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        return command.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static void expectOk(String line) {
        if (!"+OK".equals(line)) throw new IllegalStateException("Redis answered " + line);
    }

    public static String key(String instanceName) {
        return "whatsapp:instance:" + instanceName;
    }

    /** The entry, or null. */
    public String entry(String instanceName) {
        return (String) client.getBucket(key(instanceName)).get();
    }

    /** How long the entry has left; null without an entry. */
    public Duration timeToLive(String instanceName) {
        long millis = client.getBucket(key(instanceName)).remainTimeToLive();
        return millis < 0 ? null : Duration.ofMillis(millis);
    }

    /**
     * Every routing entry gone, as after a Redis restart without persistence or a {@code FLUSHALL}; only the cache's
     * keys, so that whatever else other tests keep in the shared Redis survives.
     */
    public void lose() {
        client.getKeys().deleteByPattern(key("*"));
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
