package whatsapp.maintenance.orphans.entity;

import java.util.List;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;

/**
 * What one comparison of Evolution's listing with our rows found.
 *
 * @param evolutionInstances every instance Evolution listed, ours or not
 * @param ownedInstances     those carrying this deployment's prefix
 * @param dbRecords          enabled integration rows
 * @param instances          orphaned Evolution instances: ours, no row, older than the grace period
 * @param rows               orphaned rows: enabled, instance not listed, older than the grace period
 */
public record Orphans(int evolutionInstances, int ownedInstances, int dbRecords, List<EvolutionInstance> instances,
                      List<IntegrationSummary> rows, List<DuplicateNumber> duplicates) {

    public Orphans {
        instances = List.copyOf(instances);
        rows = List.copyOf(rows);
        duplicates = List.copyOf(duplicates);
    }

    /** Everything a run would delete or retire, before the recheck by name. */
    public int candidates() {
        return instances.size() + rows.size();
    }
}
