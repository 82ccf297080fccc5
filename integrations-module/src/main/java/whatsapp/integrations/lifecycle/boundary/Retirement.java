package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Retired;

/**
 * Deletes an integration in the order that survives a crash at any point: mark deleting →
 * log out and delete the Evolution instance → instance.removed into the outbox → cache entry
 * invalidated → row deleted. Each step is recorded before the next; {@link RetirementRetry}
 * finishes what an unreachable Evolution or a crash left.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retirement {

    static final Logger LOG = Logger.getLogger(Retirement.class.getName());

    @EJB
    Deletions deletions;

    @Inject
    GuardedEvolution evolution;

    @Inject
    InstanceCache cache;

    public Retired retire(UUID id, String actor, String reason) {
        return deletions.markDeleting(id, actor, reason)
                .map(this::finish)
                .orElseGet(Retired.Unknown::new);
    }

    /** Continues a deletion from whatever step it stopped at. */
    public Retired finish(Integration integration) {
        if (!integration.instanceRemoved()) {
            boolean removed = evolution.delete(integration.evolutionServer(), integration.instanceName()).match(
                    deleted -> recordRemoval(integration, true),
                    alreadyGone -> recordRemoval(integration, false),
                    unavailable -> {
                        LOG.info(() -> "Deletion of " + integration.instanceName() + " waits for Evolution: "
                                + unavailable.reason());
                        return false;
                    });
            if (!removed) {
                var pending = deletions.retryLater(integration.id());
                // null: the row is gone, so another finisher (a concurrent DELETE, the retry timer) completed every step
                return pending == null ? new Retired.Done(integration.instanceName()) : new Retired.Pending(pending);
            }
        }
        cache.remove(integration.instanceName());
        deletions.remove(integration.id());
        LOG.info(() -> "Integration " + integration.id() + " (" + integration.instanceName() + ") deleted");
        return new Retired.Done(integration.instanceName());
    }

    boolean recordRemoval(Integration integration, boolean wasPresent) {
        deletions.instanceRemoved(integration.id(), wasPresent);
        return true;
    }
}
