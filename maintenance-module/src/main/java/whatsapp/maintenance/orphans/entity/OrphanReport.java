package whatsapp.maintenance.orphans.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.UUID;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.Status;

/** The answer of {@code GET /maintenance/orphaned-instances/check}; nothing was changed. */
@JsonbPropertyOrder({"success", "evolutionInstances", "dbRecords", "orphanedEvolutionInstances", "orphanedDbRecords",
        "duplicateNumbers", "counts", "wouldAbort", "abortReason"})
public record OrphanReport(boolean success, int evolutionInstances, int dbRecords, List<String> orphanedEvolutionInstances,
                           List<OrphanedRecord> orphanedDbRecords, List<DuplicateNumber> duplicateNumbers, Counts counts,
                           boolean wouldAbort, String abortReason) {

    public static OrphanReport of(Orphans orphans, String abortReason) {
        var rows = orphans.rows().stream()
                .map(row -> new OrphanedRecord(row.id(), row.instanceName(), row.organizationId(), row.status())).toList();
        var counts = new Counts(orphans.ownedInstances(), orphans.instances().size(), rows.size(), orphans.duplicates().size());
        return new OrphanReport(true, orphans.evolutionInstances(), orphans.dbRecords(),
                orphans.instances().stream().map(EvolutionInstance::name).toList(), rows, orphans.duplicates(), counts,
                abortReason != null, abortReason);
    }

    public record OrphanedRecord(UUID id, String instanceName, String organizationId, Status status) {
    }

    public record Counts(int ownedEvolutionInstances, int orphanedEvolutionInstances, int orphanedDbRecords,
                         int duplicateNumbers) {
    }
}
