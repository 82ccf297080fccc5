package whatsapp.maintenance.fleethealth.entity;

/** How a health sweep ended. */
public sealed interface Sweep {

    record Done(HealthSummary summary) implements Sweep {
    }

    /** Another sweep holds the cluster-wide lock; this one did nothing. */
    record Skipped(String reason) implements Sweep {
    }

    /** Evolution's listing was unusable: no status was changed. */
    record Unavailable(HealthSummary summary, String reason) implements Sweep {
    }
}
