package whatsapp.infrastructure.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The one Redisson client of the application (REDIS_URL), created lazily so the service boots and
 * answers while Redis is down, and shut down with the application.
 */
@ApplicationScoped
public class RedisConnection {

    static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "redis.timeout-ms", defaultValue = "2000")
    int timeoutMillis;

    @Produces
    @ApplicationScoped
    RedissonClient redisson() {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setLazyInitialization(true);
        config.setThreads(4);
        config.setNettyThreads(8);
        config.useSingleServer()
                .setAddress(url)
                .setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis)
                .setRetryAttempts(1)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(4);
        LOG.info(() -> "Redis client for " + RedisUrls.withoutPassword(url));
        return Redisson.create(config);
    }

    void close(@Disposes RedissonClient client) {
        client.shutdown();
        LOG.info("Redis client shut down");
    }
}
