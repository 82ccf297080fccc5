package whatsapp.maintenance.fleethealth.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import whatsapp.evolution.instances.entity.CloseReason;
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

    /** @param canSend whether the instance could send after this change; why not in plain words: {@code cannotSendReason} */
    @JsonbPropertyOrder({"from", "to", "reason", "canSend", "cannotSendReason", "restricted", "at", "source"})
    public record Change(Status from, Status to, String reason, boolean canSend, String cannotSendReason, boolean restricted,
                         Instant at, Source source) {

        public static Change of(StatusChange change) {
            var sending = CloseReason.sending(change.to(), change.reason());
            return new Change(change.from(), change.to(), change.reason(), sending.canSend(), sending.reason(),
                    sending.restricted(), change.at(), change.source());
        }
    }
}
