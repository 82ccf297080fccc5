package whatsapp.integrations.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * What one look at Evolution said about one instance, in our words.
 *
 * @param status           connected, connecting, disconnected or missing
 * @param phoneNumber      digits of the paired account, null when unknown (never clears a known number)
 * @param disconnectReason e.g. {@code device_removed (401)}; only meaningful with disconnected
 * @param observedAt       when it was seen (our clock)
 */
public record Observation(String instanceName, Status status, String phoneNumber, String disconnectReason,
                          Instant observedAt) implements Serializable {

    public static Observation missing(String instanceName, Instant at) {
        return new Observation(instanceName, Status.missing, null, null, at);
    }

    public Observation withReason(String reason) {
        return new Observation(instanceName, status, phoneNumber, reason, observedAt);
    }
}
