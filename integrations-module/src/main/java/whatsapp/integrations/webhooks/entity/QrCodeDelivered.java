package whatsapp.integrations.webhooks.entity;

/**
 * A {@code qrcode.updated} delivery carrying a new code, announced (a synchronous CDI event) to whoever shows codes
 * to a clinic: the webhook receiver knows nothing of pairing sessions.
 *
 * @param qrBase64    Evolution's {@code data:image/png;base64,...} image, or null
 * @param code        the code's text, or null
 * @param pairingCode the 8-character code to type instead, or null
 */
public record QrCodeDelivered(String instanceName, String qrBase64, String code, String pairingCode) {
}
