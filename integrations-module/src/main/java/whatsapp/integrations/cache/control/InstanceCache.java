package whatsapp.integrations.cache.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;
import whatsapp.integrations.lifecycle.entity.Integration;

/**
 * The routing summary workers read ({@code whatsapp:instance:<name>}). Best effort: when Redis is
 * down the service goes on, and the TTL bounds how long a stale entry can live.
 */
@ApplicationScoped
public class InstanceCache {

    static final Logger LOG = Logger.getLogger(InstanceCache.class.getName());

    @Inject
    RedissonClient redis;

    @Inject
    @ConfigProperty(name = "cache.ttl-minutes", defaultValue = "60")
    long ttlMinutes;

    public static String key(String instanceName) {
        return "whatsapp:instance:" + instanceName;
    }

    public void put(Integration integration) {
        String summary = Json.createObjectBuilder()
                .add("organization_id", integration.organizationId())
                .add("integration_id", integration.id().toString())
                .add("instance_name", integration.instanceName())
                .add("status", integration.status().name())
                .add("enabled", integration.enabled())
                .build().toString();
        attempt("refresh", integration.instanceName(), () -> redis.getBucket(key(integration.instanceName()))
                .setAsync(summary, Duration.ofMinutes(ttlMinutes)).toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    public boolean remove(String instanceName) {
        return attempt("invalidate", instanceName,
                () -> redis.getBucket(key(instanceName)).deleteAsync().toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    interface RedisCall {
        Object run() throws Exception;
    }

    boolean attempt(String what, String instanceName, RedisCall call) {
        try {
            call.run();
            return true;
        } catch (Exception e) {
            LOG.warning(() -> "Cache " + what + " of " + instanceName + " failed (" + e.getClass().getSimpleName()
                    + "); the TTL bounds staleness");
            return false;
        }
    }
}
