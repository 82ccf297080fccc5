package whatsapp.maintenance.fleethealth.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Observation;

/**
 * Evolution's connection state in our words: {@code open} → connected, {@code connecting} → connecting,
 * {@code close} → disconnected; an instance Evolution confirmed gone is {@code missing}. Pure.
 */
public final class StatusMapping {

    public static final String CONNECTED = "connected";
    public static final String CONNECTING = "connecting";
    public static final String DISCONNECTED = "disconnected";
    public static final String MISSING = "missing";

    private StatusMapping() {
    }

    /** @return null for an unknown state (not loaded, v1's "created"): nothing to say about the instance */
    public static String status(ConnectionState state) {
        if (state == null) return null;
        if (state == ConnectionState.open) return CONNECTED;
        if (state == ConnectionState.connecting) return CONNECTING;
        return DISCONNECTED;
    }

    /** Phone number from {@code ownerJid}, reason from the disconnection fields (only when closed). */
    public static Optional<Observation> observe(EvolutionInstance instance, Instant at) {
        var status = status(instance.connectionStatus());
        if (status == null) return Optional.empty();
        return Optional.of(new Observation(instance.name(), status, instance.phoneNumber().orElse(null),
                instance.disconnectReason().orElse(null), at));
    }

    public static Observation missing(String instanceName, Instant at) {
        return new Observation(instanceName, MISSING, null, null, at);
    }

    /**
     * Whether the observation could change the row at all; the rest are left out of the batch so that a quiet
     * sweep locks and updates nothing. Conservative: whatever might matter goes to {@code observe}, which decides.
     */
    public static boolean mayChange(IntegrationSummary row, Observation seen) {
        if (!seen.status().equals(row.status())) return true;
        if (seen.phoneNumber() != null && !seen.phoneNumber().equals(row.phoneNumber())) return true;
        if (seen.disconnectReason() != null && !Objects.equals(seen.disconnectReason(), row.disconnectReason())) return true;
        return CONNECTED.equals(seen.status()) && row.connectedAt() == null;
    }

    public static boolean healthy(String status) {
        return CONNECTED.equals(status);
    }
}
