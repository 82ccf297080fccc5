package whatsapp.maintenance.orphans.entity;

/** How a cleanup run ended. */
public sealed interface Cleanup {

    /** Ran to the end, possibly aborted by a guard (see the summary). */
    record Done(CleanupSummary summary) implements Cleanup {
    }

    /** Another run holds the cluster-wide lock; this one did nothing. */
    record Skipped(String reason) implements Cleanup {
    }

    /** Evolution's listing was unusable: nothing was changed. */
    record Unavailable(CleanupSummary summary, String reason) implements Cleanup {
    }
}
