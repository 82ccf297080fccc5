package whatsapp.integrations.pairing.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code GET /integrations/{id}/qr}: what the clinic's phone needs to pair.
 *
 * @param qrBase64    a {@code data:image/png;base64,...} image of the QR code, or null when Evolution has none yet
 * @param pairingCode 8 characters to type on the phone instead, when Evolution gave one
 */
@JsonbPropertyOrder({"instanceName", "qrBase64", "pairingCode"})
public record PairingAnswer(String instanceName, String qrBase64, String pairingCode) {
}
