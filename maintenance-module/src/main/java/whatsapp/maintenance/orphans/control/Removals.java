package whatsapp.maintenance.orphans.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.OrphanRemoval;
import whatsapp.maintenance.orphans.entity.Item;
import whatsapp.maintenance.orphans.entity.ItemCounts;

/**
 * Rechecks each candidate by name just before acting on it, and acts only on what the recheck confirms:
 * an instance Evolution still has and nothing here uses is logged out and deleted; a row is retired only
 * after Evolution's own 404 for its instance with a proven API key ({@link Lookup.Missing}). Anything
 * unclear leaves the candidate alone. No transaction is open here: a slow Evolution must not hold a
 * database connection.
 */
@ApplicationScoped
public class Removals {

    public static final String ACTOR = "system:cleanup";
    static final String IN_USE = "now in use by an integration";
    static final Logger LOG = Logger.getLogger(Removals.class.getName());

    @Inject
    EvolutionFleet fleet;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    /** @param checkpoint before each candidate: stops a run whose lease was lost */
    public ItemCounts instances(String server, List<EvolutionInstance> candidates, boolean dryRun, String reason, Runnable checkpoint) {
        var items = new ArrayList<Item>(candidates.size());
        Set<String> inUse = dryRun && !candidates.isEmpty() ? integrations.namesInUse() : Set.of();
        for (var candidate : candidates) {
            checkpoint.run();
            items.add(instance(server, candidate.name(), dryRun, inUse, reason));
        }
        return ItemCounts.of(items);
    }

    /** @param checkpoint before each candidate: stops a run whose lease was lost */
    public ItemCounts rows(List<IntegrationSummary> candidates, boolean dryRun, String reason, Runnable checkpoint) {
        var items = new ArrayList<Item>(candidates.size());
        for (var candidate : candidates) {
            checkpoint.run();
            items.add(row(candidate, dryRun, reason));
        }
        return ItemCounts.of(items);
    }

    /** A dry run asks whether the name is in use; a real one leaves that check to {@code removeOrphan}. */
    Item instance(String server, String name, boolean dryRun, Set<String> inUse, String reason) {
        return fleet.on(server).lookup(name).match(found -> {
            if (dryRun) return inUse.contains(name) ? instanceItem(name, Item.SKIPPED, IN_USE)
                    : instanceItem(name, Item.WOULD_DELETE, "still present and unused");
            return removed(name, integrations.removeOrphan(server, name, ACTOR, reason));
        }, missing -> instanceItem(name, Item.SKIPPED, "gone before the recheck"),
                unavailable -> instanceItem(name, Item.FAILED, "recheck impossible: " + unavailable.reason()));
    }

    static Item removed(String name, OrphanRemoval removal) {
        return switch (removal.outcome()) {
            case DELETED -> {
                LOG.info(() -> "Orphaned Evolution instance " + name + " logged out and deleted");
                yield instanceItem(name, Item.DELETED, "logged out and deleted");
            }
            case IN_USE -> instanceItem(name, Item.SKIPPED, IN_USE);
            case ALREADY_GONE -> instanceItem(name, Item.SKIPPED, "gone before the deletion");
            case FAILED -> instanceItem(name, Item.FAILED, "deletion failed: " + removal.detail());
        };
    }

    Item row(IntegrationSummary row, boolean dryRun, String reason) {
        return fleet.on(row.evolutionServer()).lookup(row.instanceName()).match(
                found -> rowItem(row, Item.SKIPPED, "Evolution has the instance after all"),
                missing -> dryRun ? rowItem(row, Item.WOULD_DELETE, "Evolution confirmed (404) that the instance is gone")
                        : retired(row, integrations.retire(row.id(), ACTOR, reason + "; Evolution confirmed (404) that the instance is gone")),
                unavailable -> rowItem(row, Item.FAILED, "recheck impossible: " + unavailable.reason()));
    }

    static Item retired(IntegrationSummary row, Integrations.RetireResult retired) {
        return switch (retired) {
            case DONE -> {
                LOG.info(() -> "Orphaned integration " + row.id() + " (" + row.instanceName() + ") retired");
                yield rowItem(row, Item.DELETED, "retired");
            }
            case PENDING -> rowItem(row, Item.FAILED, "retirement pending: the background retry finishes it");
            case UNKNOWN -> rowItem(row, Item.SKIPPED, "row gone before the retirement");
        };
    }

    static Item instanceItem(String name, String outcome, String detail) {
        return new Item(name, null, null, outcome, detail);
    }

    static Item rowItem(IntegrationSummary row, String outcome, String detail) {
        return new Item(row.instanceName(), row.id(), row.organizationId(), outcome, detail);
    }
}
