package whatsapp.integrations.api;

/**
 * Where an integration's WhatsApp instance stands; the constants are the wire and database values. This is the
 * one vocabulary of the service: the gateway translates Evolution's connection states into it, the database stores
 * it, the API and the events carry it.
 */
public enum Status {
    /** created, never paired */
    pending,
    /** pairing or reconnecting */
    connecting,
    /** paired and online: the only healthy status */
    connected,
    /** closed; {@code disconnect_reason} says why */
    disconnected,
    /** Evolution confirmed (its own 404, with a proven key) that the instance no longer exists */
    missing,
    /** deletion under way: no longer the organization's enabled integration */
    deleting;

    public boolean healthy() {
        return this == connected;
    }

    /** The wire value of a status read from outside (the database, a JSON document); null stays null. */
    public static Status of(String value) {
        return value == null ? null : valueOf(value);
    }
}
