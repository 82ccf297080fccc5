package whatsapp.maintenance.heal.entity;

import java.time.Instant;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.Status;

/**
 * One watched instance as a sweep leaves it: our row after the changes it recorded, and Evolution's view.
 *
 * @param statusChangedAt since when the instance has had {@code status}
 * @param listed          what Evolution listed (or the recheck found), null when it said nothing usable
 * @param evolutionServer the Evolution server the row lives on
 */
public record InstanceState(String instanceName, String organizationId, Status status, String disconnectReason,
                            Instant statusChangedAt, Instant connectedAt, String phoneNumber, EvolutionInstance listed,
                            String evolutionServer) {
}
