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
