package whatsapp.maintenance.orphans.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code cleanup_summary} as the endpoint answers it and the runs history stores it.
 *
 * @param runId              null for a dry run (nothing is recorded)
 * @param evolutionInstances null when the listing was unusable
 * @param abortReason        why nothing was deleted, when {@code aborted}
 */
public record CleanupSummary(UUID runId, boolean dryRun, Instant startedAt, Instant completedAt, double durationSeconds,
                             String triggeredBy, boolean aborted, String abortReason, Integer evolutionInstances,
                             Integer dbRecords, ItemCounts orphanedEvolutionInstances, ItemCounts orphanedDbRecords,
                             List<DuplicateNumber> duplicateNumbers) {

    public static CleanupSummary of(Run run, Orphans orphans, String abortReason, ItemCounts instances, ItemCounts rows) {
        var completed = Instant.now();
        return new CleanupSummary(run.id(), run.dryRun(), run.startedAt(), completed, whatsapp.maintenance.runs.entity.Run.seconds(run.startedAt(), completed),
                run.triggeredBy(), abortReason != null, abortReason, orphans.evolutionInstances(), orphans.dbRecords(),
                instances, rows, orphans.duplicates());
    }

    /** The listing was unusable: nothing was compared, nothing was changed. */
    public static CleanupSummary unavailable(Run run, String reason) {
        var completed = Instant.now();
        var none = ItemCounts.of(List.of());
        return new CleanupSummary(run.id(), run.dryRun(), run.startedAt(), completed, whatsapp.maintenance.runs.entity.Run.seconds(run.startedAt(), completed),
                run.triggeredBy(), true, reason, null, null, none, none, List.of());
    }


    /** Who started which run when; {@code id} is null for a dry run. */
    public record Run(UUID id, String triggeredBy, boolean dryRun, Instant startedAt) {
    }
}
