package whatsapp.integrations.cache.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.cache.entity.RoutingEntry;
import whatsapp.integrations.events.entity.RemovalRelaying;
import whatsapp.integrations.events.entity.RouteRefreshing;

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

    /** CACHE_TTL_SECONDS: wins over the minutes when set; for tests that cannot wait an hour. */
    @Inject
    @ConfigProperty(name = "cache.ttl-seconds")
    Optional<Long> ttlSeconds;

    /**
     * The maintenance module's sweep schedule (HEALTH_CHECK_SCHEDULE), read here to keep the TTL above three sweep
     * intervals ({@link RoutingTtl}); the default is the maintenance module's own.
     */
    @Inject
    @ConfigProperty(name = "health-check.schedule", defaultValue = "minute=*/5;hour=*")
    String healthSchedule;

    Duration ttl;

    @PostConstruct
    void ttl() {
        var configured = RoutingTtl.configured(ttlSeconds, ttlMinutes);
        ttl = RoutingTtl.of(configured, healthSchedule);
        if (!ttl.equals(configured)) {
            LOG.warning(() -> "Routing cache TTL raised from " + configured + " to " + ttl + ": three intervals of the "
                    + "health sweep (" + healthSchedule + "), which rewrites every entry");
        }
    }

    public static String key(String instanceName) {
        return "whatsapp:instance:" + instanceName;
    }

    public void put(IntegrationRef integration) {
        String summary = summary(integration.organizationId(), integration.id(), integration.instanceName(),
                integration.status(), integration.enabled());
        attempt("refresh", integration.instanceName(), () -> redis.getBucket(key(integration.instanceName()))
                .setAsync(summary, ttl).toCompletableFuture().get(1, TimeUnit.SECONDS));
    }

    /** The entries of these rows, in one pipelined batch (10,000 rows: one round trip, not 10,000). */
    public void putAll(List<RoutingEntry> entries) throws Exception {
        for (int from = 0; from < entries.size(); from += BATCH) {
            var batch = redis.createBatch();
            for (var entry : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
                batch.getBucket(key(entry.instanceName())).setAsync(
                        summary(entry.organizationId(), entry.integrationId(), entry.instanceName(), entry.status(), true), ttl);
            }
            batch.executeAsync().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Commands per Redis batch: one batch of a 50,000-instance fleet's entries (several MB written at once) failed with
     * {@code WriteRedisConnectionException} every sweep; batches of this size go through.
     */
    static final int BATCH = 5_000;

    /** Removes the entries of these instances, in one batch. */
    public void removeAll(Collection<String> instanceNames) throws Exception {
        var names = List.copyOf(instanceNames);
        for (int from = 0; from < names.size(); from += BATCH) {
            var batch = redis.createBatch();
            for (var name : names.subList(from, Math.min(names.size(), from + BATCH))) batch.getBucket(key(name)).deleteAsync();
            batch.executeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static String summary(String organizationId, UUID integrationId, String instanceName, Status status, boolean enabled) {
        return JSON.createObjectBuilder()
                .add("organization_id", organizationId)
                .add("integration_id", integrationId.toString())
                .add("instance_name", instanceName)
                .add("status", status.name())
                .add("enabled", enabled)
                .build().toString();
    }

    /** Before the relay publishes an event of a live integration: the entry as its row now is (best effort). */
    void refresh(@Observes RouteRefreshing refreshing) {
        put(refreshing.integration());
    }

    /** Before an {@code instance.removed} is relayed; a failure stops the relay (the event waits in the outbox). */
    void invalidate(@Observes RemovalRelaying relaying) throws Exception {
        redis.getBucket(key(relaying.instanceName())).deleteAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
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
