package whatsapp.integrations.pairing.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * {@code POST /integrations/{id}/pairing}: the session's current code.
 *
 * @param eventId the id of this code's {@code qr} event: {@code GET .../pairing/events} with {@code Last-Event-ID}
 *                (or {@code ?last_event_id=}) set to it streams what follows this code, nothing missed
 */
@JsonbPropertyOrder({"instanceName", "qrBase64", "pairingCode", "expiresAt", "eventId"})
public record PairingSession(String instanceName, String qrBase64, String pairingCode, Instant expiresAt, long eventId) {
}
