package whatsapp.integrations.api;

import java.io.Serializable;
import java.util.UUID;

/**
 * Which integration something is about, and its status at that moment: what an event, a routing-cache entry or an
 * audit entry names. A row being deleted is no longer enabled.
 */
public record IntegrationRef(UUID id, String organizationId, String instanceName, Status status) implements Serializable {

    public boolean enabled() {
        return status != Status.deleting;
    }
}
