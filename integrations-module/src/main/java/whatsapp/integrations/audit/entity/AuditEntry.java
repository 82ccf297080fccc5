package whatsapp.integrations.audit.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who ({@code user:alice}, {@code system:cleanup}) did what to which instance, and why. */
@JsonbPropertyOrder({"at", "actor", "action", "organizationId", "integrationId", "instanceName", "reason"})
public record AuditEntry(Instant at, String actor, String action, String organizationId, UUID integrationId,
                         String instanceName, String reason) {
}
