package whatsapp.maintenance.orphans.control;

import java.util.Optional;
import whatsapp.maintenance.orphans.entity.Orphans;

/**
 * The guards that keep a cleanup from ever mass-deleting, applied before anything is touched. A listing
 * that could not be read never gets this far: it is not a listing.
 */
public final class DeletionGuards {

    private DeletionGuards() {
    }

    /** @return why the run must delete nothing, or empty when it may go on to the recheck by name */
    public static Optional<String> abortReason(Orphans orphans, int maxDeletions) {
        if (orphans.ownedInstances() == 0 && orphans.dbRecords() > 0)
            return Optional.of("Evolution listed none of our instances while " + orphans.dbRecords()
                    + " enabled integrations exist (wrong server, client name or database?); nothing was deleted");
        if (orphans.candidates() > maxDeletions)
            return Optional.of(orphans.candidates() + " orphan candidates (" + orphans.instances().size() + " instances, "
                    + orphans.rows().size() + " records) exceed the maximum of " + maxDeletions
                    + " per run (ORPHAN_MAX_DELETIONS); nothing was deleted");
        return Optional.empty();
    }
}
