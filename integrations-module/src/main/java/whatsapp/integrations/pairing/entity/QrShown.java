package whatsapp.integrations.pairing.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * The data of a {@code qr} pairing event: the code to scan now.
 *
 * @param qrBase64    a {@code data:image/png;base64,...} image of the QR code (null when Evolution gave only a pairing code)
 * @param pairingCode 8 characters to type on the phone instead, when a number was given
 * @param expiresAt   when Evolution replaces this code by the next one
 */
@JsonbPropertyOrder({"qrBase64", "pairingCode", "expiresAt"})
public record QrShown(String qrBase64, String pairingCode, Instant expiresAt) {
}
