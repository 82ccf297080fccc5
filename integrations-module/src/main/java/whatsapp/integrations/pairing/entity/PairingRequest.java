package whatsapp.integrations.pairing.entity;

/**
 * The optional body of {@code POST /integrations/{id}/pairing}.
 *
 * @param number the clinic's WhatsApp number, digits with the country code: Evolution issues an 8-character pairing
 *               code as well (only when its instance is {@code close})
 */
public record PairingRequest(String number) {
}
