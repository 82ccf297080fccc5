package whatsapp.integrations.status.control;

import java.time.Instant;
import whatsapp.integrations.api.Observation;

/**
 * What an observation does to a row: pure, so the rules are unit-tested. A never-paired instance
 * that Evolution reports closed is still {@code pending}; {@code connected_at} is kept while the
 * instance stays connected; a known phone number is never cleared; the reason belongs to
 * disconnections only.
 */
public record Transition(String status, String phoneNumber, Instant connectedAt, String disconnectReason) {

    public static Transition of(Transition current, Observation seen) {
        String to = seen.status();
        boolean neverPaired = current.connectedAt() == null && current.phoneNumber() == null;
        if ("pending".equals(current.status()) && "disconnected".equals(to) && neverPaired && seen.disconnectReason() == null) {
            to = "pending";
        }
        String phone = seen.phoneNumber() != null ? seen.phoneNumber() : current.phoneNumber();
        Instant connectedAt = "connected".equals(to)
                ? ("connected".equals(current.status()) && current.connectedAt() != null ? current.connectedAt() : seen.observedAt())
                : current.connectedAt();
        String reason = switch (to) {
            case "disconnected" -> seen.disconnectReason() != null ? seen.disconnectReason() : current.disconnectReason();
            case "missing" -> "missing from Evolution";
            case "connected", "connecting", "pending" -> null;
            default -> current.disconnectReason();
        };
        return new Transition(to, phone, connectedAt, reason);
    }

    public boolean statusDiffers(Transition other) {
        return !status.equals(other.status);
    }
}
