package whatsapp.integrations.pairing.entity;

/**
 * One server-sent event of a pairing stream.
 *
 * @param id   increasing per integration: the SSE id a reconnecting stream names in {@code Last-Event-ID}
 * @param kind {@code qr}, {@code connected}, {@code refused} or {@code expired}
 * @param data its JSON
 */
public record PairingEvent(long id, String kind, String data) {

    public static final String QR = "qr";
    public static final String CONNECTED = "connected";
    public static final String REFUSED = "refused";
    public static final String EXPIRED = "expired";

    /** After this one the session is over and the stream closes. */
    public boolean ends() {
        return !QR.equals(kind);
    }
}
