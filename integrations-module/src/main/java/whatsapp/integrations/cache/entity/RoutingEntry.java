package whatsapp.integrations.cache.entity;

import java.util.UUID;
import whatsapp.integrations.api.Status;

/** What a routing entry says about one enabled integration: a projection of its row, read by the cache itself. */
public record RoutingEntry(String organizationId, UUID integrationId, String instanceName, Status status) {
}
