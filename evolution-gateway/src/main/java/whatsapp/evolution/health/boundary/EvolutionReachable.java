package whatsapp.evolution.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import whatsapp.evolution.instances.boundary.EvolutionFleet;

/**
 * Whether each Evolution server answers, as data only: the check is always UP, because an unreachable
 * Evolution is answered with 503s by the service itself, not by taking the service out of rotation.
 * One server: {@code reachable} and {@code version} (or {@code reason}) as before; every server also appears as
 * {@code server.<name>}: {@code reachable}, or {@code unreachable: <reason>}.
 */
@Readiness
@ApplicationScoped
public class EvolutionReachable implements HealthCheck {

    @Inject
    EvolutionFleet fleet;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("evolution").up();
        boolean all = true;
        for (var server : fleet.servers()) {
            var ping = fleet.on(server.name()).ping();
            all &= ping.match(reachable -> true, unreachable -> false);
            response.withData("server." + server.name(), ping.match(reachable -> "reachable",
                    unreachable -> "unreachable: " + unreachable.reason()));
            if (!fleet.multiple()) {
                ping.match(reachable -> response.withData("version", reachable.version()),
                        unreachable -> response.withData("reason", unreachable.reason()));
            }
        }
        return response.withData("reachable", all).build();
    }
}
