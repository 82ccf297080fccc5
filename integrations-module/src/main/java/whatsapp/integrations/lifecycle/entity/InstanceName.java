package whatsapp.integrations.lifecycle.entity;

import java.time.Instant;

/** "clinic-org-abc-123-1763224272772": our prefix, the organization, the creation instant. */
public record InstanceName(String value) {

    public static InstanceName of(String prefix, String organizationId, Instant now) {
        return new InstanceName(prefix + organizationId + "-" + now.toEpochMilli());
    }

    public boolean ownedBy(String prefix) {
        return value.startsWith(prefix);
    }
}
