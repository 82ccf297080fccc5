package whatsapp.maintenance.servers.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.servers.entity.EvolutionServerView;

/** The Evolution servers of the fleet: configuration (never a key), instances placed, reachability. Admins only. */
@Path("/evolution-servers")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class EvolutionServersResource {

    @Inject
    EvolutionFleet fleet;

    @Inject
    FleetListings listings;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    public record ServersAnswer(List<EvolutionServerView> servers) {
    }

    @GET
    @Operation(summary = "Each Evolution server: URL host, capacity, draining, instances by status, whether it answers "
            + "now and when it was last listed; a server rows name but configuration no longer does has configured false")
    @APIResponse(responseCode = "200", description = "the servers, configured ones first in configuration order")
    public ServersAnswer servers() {
        var counts = integrations.countsByServer();
        var views = new ArrayList<EvolutionServerView>();
        for (var server : fleet.servers()) {
            var probe = fleet.on(server.name()).probe();
            views.add(new EvolutionServerView(server.name(), server.host(), server.capacity(), server.draining(), true,
                    probe.match(reachable -> true, unreachable -> false),
                    probe.match(reachable -> null, unreachable -> unreachable.reason()),
                    byStatus(counts.get(server.name())), listings.lastListed(server.name()).orElse(null)));
        }
        for (var entry : counts.entrySet()) {
            if (fleet.configured(entry.getKey())) continue;
            views.add(new EvolutionServerView(entry.getKey(), null, null, false, false, false,
                    "Evolution server " + entry.getKey() + " is not configured", byStatus(entry.getValue()), null));
        }
        return new ServersAnswer(views);
    }

    static Map<String, Long> byStatus(Map<Status, Long> counts) {
        var view = new TreeMap<String, Long>();
        if (counts != null) counts.forEach((status, count) -> view.put(status.name(), count));
        return view;
    }
}
