package whatsapp.integrations.status.control;

import java.time.Instant;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Status;

/**
 * What an observation does to a row: pure, so the rules are unit-tested. A never-paired instance
 * that Evolution reports closed is still {@code pending}; {@code connected_at} is kept while the
 * instance stays connected; a known phone number is never cleared; the reason belongs to
 * disconnections only.
 */
public record Transition(Status status, String phoneNumber, Instant connectedAt, String disconnectReason) {

    public static final String MISSING_REASON = "missing from Evolution";

    public static Transition of(Transition current, Observation seen) {
        Status to = seen.status();
        boolean neverPaired = current.connectedAt() == null && current.phoneNumber() == null;
        if (current.status() == Status.pending && to == Status.disconnected && neverPaired && seen.disconnectReason() == null) {
            to = Status.pending;
        }
        String phone = seen.phoneNumber() != null ? seen.phoneNumber() : current.phoneNumber();
        Instant connectedAt = to == Status.connected
                ? (current.status() == Status.connected && current.connectedAt() != null ? current.connectedAt() : seen.observedAt())
                : current.connectedAt();
        String reason = switch (to) {
            case disconnected -> seen.disconnectReason() != null ? seen.disconnectReason() : current.disconnectReason();
            case missing -> MISSING_REASON;
            case connected, connecting, pending -> null;
            case deleting -> current.disconnectReason();
        };
        return new Transition(to, phone, connectedAt, reason);
    }

    public boolean statusDiffers(Transition other) {
        return status != other.status;
    }
}
