package whatsapp.evolution.instances.entity;

import java.time.Instant;

/** Whether Evolution answered {@code GET /}; reported as data (health), never a reason to be unready. */
public sealed interface Reachability {

    Instant checkedAt();

    record Reachable(String version, Instant checkedAt) implements Reachability {
    }

    record Unreachable(String reason, Instant checkedAt) implements Reachability {
    }
}
