package whatsapp.maintenance.orphans.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.maintenance.orphans.entity.DuplicateNumber;
import whatsapp.maintenance.orphans.entity.Orphans;

/**
 * Compares Evolution's listing with our rows: data in, data out, O(n) with hash sets. Decides nothing
 * about deleting; {@link DeletionGuards} and the recheck by name come after.
 */
public final class OrphanDetector {

    /** Names are {@code <prefix><organization>-<epoch millis>}: the creation time when Evolution does not tell it. */
    static final Pattern EPOCH_MILLIS_SUFFIX = Pattern.compile("-(\\d{13})$");

    private OrphanDetector() {
    }

    /**
     * @param rows every integration row (enabled or being deleted): each one keeps its instance
     * @param now  when the listing was taken
     */
    public static Orphans detect(List<EvolutionInstance> listed, List<IntegrationSummary> rows, String prefix,
                                 Duration grace, Instant now) {
        var referenced = new HashSet<String>(rows.size() * 2);
        for (var row : rows) referenced.add(row.instanceName());
        var listedNames = new HashSet<String>(listed.size() * 2);
        var orphanedInstances = new ArrayList<EvolutionInstance>();
        int owned = 0;
        for (var instance : listed) {
            listedNames.add(instance.name());
            if (!instance.name().startsWith(prefix)) continue;  // someone else's: never touched
            owned++;
            if (!referenced.contains(instance.name()) && olderThan(created(instance), grace, now))
                orphanedInstances.add(instance);
        }
        var orphanedRows = new ArrayList<IntegrationSummary>();
        int enabled = 0;
        for (var row : rows) {
            if (!row.enabled()) continue;                      // being deleted: Retirement finishes it
            enabled++;
            if (row.instanceName().startsWith(prefix) && !listedNames.contains(row.instanceName())
                    && olderThan(Optional.ofNullable(row.createdAt()), grace, now))
                orphanedRows.add(row);
        }
        return new Orphans(listed.size(), owned, enabled, orphanedInstances, orphanedRows, duplicates(listed, referenced));
    }

    /**
     * Numbers paired with two or more instances. Only {@code open} instances count: {@code ownerJid} is sticky
     * (Evolution keeps it after close and logout), so on a closed instance it is history, not a live
     * pairing, and would report every re-paired phone as a duplicate of its own past.
     */
    public static List<DuplicateNumber> duplicates(List<EvolutionInstance> listed, java.util.Set<String> referenced) {
        var byNumber = new HashMap<String, List<String>>();
        for (var instance : listed) {
            if (instance.connectionStatus() != ConnectionState.open) continue;
            instance.phoneNumber().ifPresent(number ->
                    byNumber.computeIfAbsent(number, n -> new ArrayList<>(2)).add(instance.name()));
        }
        var duplicates = new TreeMap<String, DuplicateNumber>();
        for (Map.Entry<String, List<String>> entry : byNumber.entrySet()) {
            if (entry.getValue().size() < 2) continue;
            var names = entry.getValue().stream().sorted().toList();
            duplicates.put(entry.getKey(), new DuplicateNumber(entry.getKey(), names,
                    names.stream().filter(referenced::contains).toList()));
        }
        return List.copyOf(duplicates.values());
    }

    /** Evolution's createdAt, else the epoch millis in the name (v1.8 lists no createdAt); unknown age is never old. */
    static Optional<Instant> created(EvolutionInstance instance) {
        if (instance.createdAt() != null) return Optional.of(instance.createdAt());
        var suffix = EPOCH_MILLIS_SUFFIX.matcher(instance.name());
        return suffix.find() ? Optional.of(Instant.ofEpochMilli(Long.parseLong(suffix.group(1)))) : Optional.empty();
    }

    static boolean olderThan(Optional<Instant> created, Duration grace, Instant now) {
        return created.map(at -> !at.plus(grace).isAfter(now)).orElse(false);
    }
}
