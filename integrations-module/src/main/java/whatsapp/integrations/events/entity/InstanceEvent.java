package whatsapp.integrations.events.entity;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of an event, on Redis and in the catch-up (documentation: the service writes the stored JSON as it is). */
@Schema(name = "InstanceEvent", description = "An event as the stream, the topic and the catch-up carry it")
public record InstanceEvent(
        UUID eventId,
        @Schema(enumeration = {"instance.created", "instance.status_changed", "instance.removed", "instance.duplicate_number"})
        String type,
        String instanceName,
        String organizationId,
        UUID integrationId,
        @Schema(description = "The integration's status when the event happened; deleting for instance.removed")
        String status,
        @Schema(description = "ISO-8601 UTC with milliseconds")
        String occurredAt,
        @Schema(description = "Cluster-wide, increasing in commit order; gaps are possible")
        long sequence,
        @Schema(description = "1, 2, ... per integration")
        long version) {

    @Schema(name = "EventsPage")
    public record Page(java.util.List<InstanceEvent> events) {
    }
}
