package whatsapp.maintenance.alerts.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert as {@code GET /maintenance/alerts} shows it.
 *
 * @param instanceName     the instance concerned (the first one, for a duplicate number)
 * @param undelivered      notices of this alert the receiver has not accepted yet
 * @param lastFailure      why the last delivery attempt failed, when one is still pending
 */
@JsonbPropertyOrder({"id", "type", "state", "instance_name", "instance_names", "organization_id", "reason", "raised_at",
        "last_notice_at", "acknowledged_at", "acknowledged_by", "resolved_at", "resolution", "undelivered", "last_failure"})
public record AlertView(UUID id, String type, AlertState state, String instanceName, List<String> instanceNames,
                        String organizationId, String reason, Instant raisedAt, Instant lastNoticeAt,
                        Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolution,
                        int undelivered, String lastFailure) {

    /** {@code {"alerts": [...]}} */
    public record Page(List<AlertView> alerts) {
    }
}
