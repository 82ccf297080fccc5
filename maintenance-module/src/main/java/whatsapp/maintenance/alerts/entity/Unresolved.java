package whatsapp.maintenance.alerts.entity;

import java.time.Instant;
import java.util.UUID;

/** An alert not yet resolved, as a decision about its subject needs it. */
public record Unresolved(UUID id, String subject, String type, AlertState state, Instant lastNoticeAt) {
}
