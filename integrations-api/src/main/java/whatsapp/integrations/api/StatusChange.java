package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One recorded change of an instance's status. {@code source} is {@code sweep} or {@code webhook}. */
public record StatusChange(String instanceName, String organizationId, UUID integrationId, String from, String to,
                           String reason, Instant at, String source) implements Serializable {
}
