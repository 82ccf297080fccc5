package whatsapp.maintenance.liveness.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import whatsapp.maintenance.heal.entity.HealAttempt;

/**
 * What the liveness probe found about one instance.
 *
 * @param outcome       {@code alive}, {@code zombie} (connected in Evolution's eyes, dead: found twice, a short pause
 *                      apart), {@code unknown} (Evolution gave no usable answer: nothing recorded) or {@code skipped}
 *                      (not connected, or another probe holds it)
 * @param answer        what the probe got, e.g. {@code 400: 428 Connection Closed}, or why it was skipped
 * @param probeFailedAt since when it has been a zombie
 * @param heal          the auto-heal's restart of a zombie, else null
 */
@JsonbPropertyOrder({"instanceName", "organizationId", "outcome", "answer", "probeFailedAt", "heal", "at"})
public record Finding(String instanceName, String organizationId, String outcome, String answer, Instant probeFailedAt,
                      HealAttempt heal, Instant at) {

    public static final String ALIVE = "alive";
    public static final String ZOMBIE = "zombie";
    public static final String UNKNOWN = "unknown";
    public static final String SKIPPED = "skipped";

    public static Finding skipped(String instanceName, String organizationId, String why, Instant at) {
        return new Finding(instanceName, organizationId, SKIPPED, why, null, null, at);
    }
}
