package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.integrations.lifecycle.control.PlacementChoice;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * Chooses the Evolution server of a new instance ({@link PlacementChoice}): answering now (an authenticated probe with
 * the connect timeout, cached 5 s), not draining, most free slots. With the one server of {@code EVOLUTION_URL} there
 * is nothing to choose and nothing is asked: it behaves as before there was a fleet. The counts are read without a
 * lock, so concurrent creations may exceed a capacity by a few; capacity is a planning figure, not a hard limit.
 */
@ApplicationScoped
public class Placement {

    static final Logger LOG = Logger.getLogger(Placement.class.getName());

    @Inject
    EvolutionFleet fleet;

    @Inject
    Inventory inventory;

    @Inject
    PlacementHolds holds;

    /**
     * A server held by a health sweep (it shares its database with another) gets no new instance.
     *
     * @throws EvolutionUnavailable (503) naming every server and why it cannot take the instance, or
     *         {@link whatsapp.integrations.problems.entity.ServersShareDatabase} (503) when a held server was among them
     */
    public String choose() {
        if (!fleet.multiple()) return fleet.servers().get(0).name();
        var counts = inventory.countsByServer();
        var held = holds.held();
        var candidates = fleet.servers().stream().map(server -> new PlacementChoice.Candidate(server.name(),
                server.capacity(), server.draining(), counts.getOrDefault(server.name(), java.util.Map.of()).values()
                .stream().mapToLong(Long::longValue).sum(), held.get(server.name()))).toList();
        var outcome = PlacementChoice.choose(candidates, name -> fleet.on(name).probe()
                .match(reachable -> null, unreachable -> unreachable.reason()));
        if (outcome.server().isEmpty()) {
            LOG.warning(outcome::reason);
            if (outcome.held(candidates)) throw new whatsapp.integrations.problems.entity.ServersShareDatabase(outcome.reason());
            throw new EvolutionUnavailable(outcome.reason());
        }
        return outcome.server().get();
    }
}
