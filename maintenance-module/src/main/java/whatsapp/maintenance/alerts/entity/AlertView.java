package whatsapp.maintenance.alerts.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.integrations.api.Status;

/**
 * One alert as {@code GET /maintenance/alerts} shows it.
 *
 * @param instanceName     the instance concerned (the first one, for a duplicate number)
 * @param canSend          for an alert about a disconnection ({@code instance.disconnected},
 *                         {@code instance.repair_needed}): false; null for other alerts
 * @param cannotSendReason why it cannot send, in plain words, from the reason table; null for other alerts
 * @param undelivered      notices of this alert the receiver has not accepted yet
 * @param lastFailure      why the last delivery attempt failed, when one is still pending
 */
@JsonbPropertyOrder({"id", "type", "state", "instance_name", "instance_names", "organization_id", "reason", "can_send",
        "cannot_send_reason", "raised_at", "last_notice_at", "acknowledged_at", "acknowledged_by", "resolved_at",
        "resolution", "undelivered", "last_failure"})
public record AlertView(UUID id, String type, AlertState state, String instanceName, List<String> instanceNames,
                        String organizationId, String reason, Boolean canSend, String cannotSendReason, Instant raisedAt,
                        Instant lastNoticeAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                        String resolution, int undelivered, String lastFailure) {

    /** {@code canSend} and {@code cannotSendReason} from the reason table, for the alerts about a disconnection. */
    public AlertView(UUID id, String type, AlertState state, String instanceName, List<String> instanceNames,
                     String organizationId, String reason, Instant raisedAt, Instant lastNoticeAt,
                     Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolution,
                     int undelivered, String lastFailure) {
        this(id, type, state, instanceName, instanceNames, organizationId, reason, disconnection(type) ? Boolean.FALSE : null,
                disconnection(type) ? CloseReason.sending(Status.disconnected, reason).reason() : null, raisedAt,
                lastNoticeAt, acknowledgedAt, acknowledgedBy, resolvedAt, resolution, undelivered, lastFailure);
    }

    static boolean disconnection(String type) {
        return Subject.DISCONNECTED.equals(type) || Subject.REPAIR_NEEDED.equals(type);
    }

    /** {@code {"alerts": [...]}} */
    public record Page(List<AlertView> alerts) {
    }
}
