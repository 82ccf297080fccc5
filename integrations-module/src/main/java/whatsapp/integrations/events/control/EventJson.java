package whatsapp.integrations.events.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.web.json.JsonContract;

/**
 * The one place an event's JSON is built. It is written at insert time without an order, and completed with
 * {@code sequence} and {@code version} when the relay sequences it; from then on the stored text is the event, byte
 * for byte, on the topic, on the stream and in the HTTP catch-up.
 */
public final class EventJson {

    private EventJson() {
    }

    public static String unsequenced(UUID eventId, EventType type, String instanceName, String organizationId,
                                     UUID integrationId, Status status, Instant at) {
        return JSON.createObjectBuilder()
                .add("event_id", eventId.toString())
                .add("type", type.wire)
                .add("instance_name", instanceName)
                .add("organization_id", organizationId)
                .add("integration_id", integrationId.toString())
                .add("status", status.name())
                .add("occurred_at", JsonContract.Millis.FORMAT.format(at))
                .build().toString();
    }

    public static String sequenced(String payload, long sequence, long version) {
        return JSON.createObjectBuilder(parse(payload)).add("sequence", sequence).add("version", version).build().toString();
    }

    public static JsonObject parse(String payload) {
        try (var reader = JSON.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
