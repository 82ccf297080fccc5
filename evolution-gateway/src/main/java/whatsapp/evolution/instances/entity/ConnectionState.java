package whatsapp.evolution.instances.entity;

/** An instance's connection to WhatsApp as Evolution reports it; the constants are the wire values. */
public enum ConnectionState {
    open, connecting, close;

    /** @return the state, or null for absent or unknown values (v1's "created", a webhook's "refused") */
    public static ConnectionState of(String value) {
        if (value == null) return null;
        for (var state : values())
            if (state.name().equals(value)) return state;
        return null;
    }
}
