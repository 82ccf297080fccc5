package whatsapp.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.redisson.api.RedissonClient;

/** Redis answers a read within two seconds (events and the routing cache live there). */
@Readiness
@ApplicationScoped
public class RedisReady implements HealthCheck {

    @Inject
    RedissonClient redis;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis");
        try {
            redis.getBucket("whatsapp:health").isExistsAsync().toCompletableFuture().get(2, TimeUnit.SECONDS);
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
