package whatsapp.integrations.lifecycle.entity;

import java.time.Instant;

/**
 * "clinic-org-abc-123-1763224272772": our prefix, the organization, the creation instant; and the Evolution server the
 * instance is (to be) created on, chosen once by placement and recorded with the claim.
 */
public record InstanceName(String value, String server) {

    public InstanceName {
        java.util.Objects.requireNonNull(value, "value");
        java.util.Objects.requireNonNull(server, "server");
    }

    /** On the one server {@code default}. */
    public InstanceName(String value) {
        this(value, "default");
    }

    public static InstanceName of(String prefix, String organizationId, Instant now, String server) {
        return new InstanceName(prefix + organizationId + "-" + now.toEpochMilli(), server);
    }

    public boolean ownedBy(String prefix) {
        return value.startsWith(prefix);
    }
}
