package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One recorded change of an instance's status. */
public record StatusChange(String instanceName, String organizationId, UUID integrationId, Status from, Status to,
                           String reason, Instant at, Source source) implements Serializable {
}
