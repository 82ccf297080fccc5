package whatsapp.maintenance.fleethealth.entity;

import whatsapp.integrations.api.Status;

/**
 * One instance in a {@code health_summary}: what the database said before the sweep and what Evolution says now.
 *
 * @param expectedStatus the recorded status before the sweep
 * @param actualStatus   the status after it (unchanged when Evolution could not tell)
 * @param error          why the instance could not be checked, else null
 */
@jakarta.json.bind.annotation.JsonbPropertyOrder({"instanceName", "organizationId", "expectedStatus", "actualStatus",
        "healthy", "changed", "disconnectReason", "canSend", "cannotSendReason", "restricted", "error"})
public record InstanceHealth(String instanceName, String organizationId, Status expectedStatus, Status actualStatus,
                             boolean healthy, boolean changed, String disconnectReason, boolean canSend,
                             String cannotSendReason, boolean restricted, String error) {

    /** {@code canSend}, {@code cannotSendReason} and {@code restricted} from the reason table, for the actual status. */
    public InstanceHealth(String instanceName, String organizationId, Status expectedStatus, Status actualStatus,
                          boolean healthy, boolean changed, String disconnectReason, String error) {
        this(instanceName, organizationId, expectedStatus, actualStatus, healthy, changed, disconnectReason,
                whatsapp.evolution.instances.entity.CloseReason.sending(actualStatus, disconnectReason), error);
    }

    private InstanceHealth(String instanceName, String organizationId, Status expectedStatus, Status actualStatus,
                           boolean healthy, boolean changed, String disconnectReason,
                           whatsapp.evolution.instances.entity.CloseReason.Sending sending, String error) {
        this(instanceName, organizationId, expectedStatus, actualStatus, healthy, changed, disconnectReason,
                sending.canSend(), sending.reason(), sending.restricted(), error);
    }
}
