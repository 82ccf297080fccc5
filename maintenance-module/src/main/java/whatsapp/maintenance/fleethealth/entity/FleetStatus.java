package whatsapp.maintenance.fleethealth.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;

/** {@code GET /maintenance/health-check/status}: {"success": true, "summary": {...}, "instances": [...]}. */
@JsonbPropertyOrder({"success", "summary", "instances"})
public record FleetStatus(boolean success, Counts summary, List<InstanceStatus> instances) {

    public FleetStatus {
        instances = List.copyOf(instances);
    }

    /** Every row as recorded, sorted by instance name. */
    public static FleetStatus of(List<IntegrationSummary> rows) {
        var instances = rows.stream().map(InstanceStatus::of)
                .sorted((a, b) -> a.instanceName().compareTo(b.instanceName())).toList();
        int healthy = (int) instances.stream().filter(InstanceStatus::healthy).count();
        return new FleetStatus(true, new Counts(rows.size(), healthy, rows.size() - healthy), instances);
    }

    @JsonbPropertyOrder({"total", "healthy", "unhealthy"})
    public record Counts(int total, int healthy, int unhealthy) {
    }

    @JsonbPropertyOrder({"instanceName", "organizationId", "status", "enabled", "healthy", "connectedAt", "disconnectReason",
            "lastUpdated"})
    public record InstanceStatus(String instanceName, String organizationId, Status status, boolean enabled, boolean healthy,
                                 Instant connectedAt, String disconnectReason, Instant lastUpdated) {

        static InstanceStatus of(IntegrationSummary row) {
            return new InstanceStatus(row.instanceName(), row.organizationId(), row.status(), row.enabled(), row.status().healthy(),
                    row.connectedAt(), row.disconnectReason(), row.updatedAt());
        }
    }
}
