package whatsapp.maintenance.fleethealth.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

/**
 * {@code GET /maintenance/instances/{instance_name}/history}: the instance's status, its uptime percentages and its
 * status changes, newest first.
 */
@JsonbPropertyOrder({"success", "instanceName", "status", "uptime", "changes"})
public record InstanceHistory(boolean success, String instanceName, Status status, Uptime uptime, List<Change> changes) {

    public InstanceHistory {
        changes = List.copyOf(changes);
    }

    /** Share of each window the instance spent connected, in percent. */
    @JsonbPropertyOrder({"day", "week", "month"})
    public record Uptime(@JsonbProperty("24h") double day, @JsonbProperty("7d") double week, @JsonbProperty("30d") double month) {
    }

    @JsonbPropertyOrder({"from", "to", "reason", "at", "source"})
    public record Change(Status from, Status to, String reason, Instant at, Source source) {

        public static Change of(StatusChange change) {
            return new Change(change.from(), change.to(), change.reason(), change.at(), change.source());
        }
    }
}
