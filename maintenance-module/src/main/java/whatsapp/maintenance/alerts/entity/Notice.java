package whatsapp.maintenance.alerts.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice owed to the alert receiver, with what it needs to be written.
 *
 * @param type     the alert's type
 * @param kind     raised, reminder or resolved
 * @param body     the alert's JSON as raised
 * @param attempts delivery attempts so far
 */
public record Notice(UUID id, UUID alertId, String type, String kind, Instant createdAt, int attempts, Instant nextAttemptAt,
                     String body, AlertState state, Instant resolvedAt, String resolution) {

    public static final String RAISED = "raised";
    public static final String REMINDER = "reminder";
    public static final String RESOLVED = "resolved";
}
