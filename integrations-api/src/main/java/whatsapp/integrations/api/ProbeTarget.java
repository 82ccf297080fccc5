package whatsapp.integrations.api;

import java.io.Serializable;

/**
 * A connected instance leased to one liveness probe (no other node probes it until the lease ends or the probe is
 * recorded).
 *
 * @param disconnectReason the last recorded close reason, e.g. {@code device_removed (401)}: the auto-heal never
 *                         restarts an instance whose session WhatsApp ended
 */
public record ProbeTarget(String instanceName, String organizationId, String evolutionServer, String disconnectReason)
        implements Serializable {
}
