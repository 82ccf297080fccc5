package whatsapp.evolution.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import whatsapp.evolution.instances.boundary.Evolution;

/**
 * Whether Evolution answers, as data only: the check is always UP, because an unreachable
 * Evolution is answered with 503s by the service itself, not by taking the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class EvolutionReachable implements HealthCheck {

    @Inject
    Evolution evolution;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("evolution").up();
        return evolution.ping().match(
                reachable -> response.withData("reachable", true).withData("version", reachable.version()).build(),
                unreachable -> response.withData("reachable", false).withData("reason", unreachable.reason()).build());
    }
}
