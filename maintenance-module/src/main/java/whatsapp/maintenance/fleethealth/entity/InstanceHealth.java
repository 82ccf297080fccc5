package whatsapp.maintenance.fleethealth.entity;

import whatsapp.integrations.api.Status;

/**
 * One instance in a {@code health_summary}: what the database said before the sweep and what Evolution says now.
 *
 * @param expectedStatus the recorded status before the sweep
 * @param actualStatus   the status after it (unchanged when Evolution could not tell)
 * @param error          why the instance could not be checked, else null
 */
public record InstanceHealth(String instanceName, String organizationId, Status expectedStatus, Status actualStatus,
                             boolean healthy, boolean changed, String disconnectReason, String error) {
}
