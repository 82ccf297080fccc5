package whatsapp.evolution.instances.entity;

import whatsapp.integrations.api.Status;

/**
 * An instance's connection to WhatsApp as Evolution reports it; the constants are the wire values. The one place
 * where Evolution's states become our {@link Status}.
 */
public enum ConnectionState {
    open(Status.connected), connecting(Status.connecting), close(Status.disconnected);

    final Status status;

    ConnectionState(Status status) {
        this.status = status;
    }

    /** What the state means for an integration we already track. */
    public Status status() {
        return status;
    }

    /**
     * What the state means for an instance we just created or adopted: {@code close} (or no state at all) there
     * means never paired yet, so {@code pending}.
     */
    public static Status firstSeen(ConnectionState state) {
        return state == null || state == close ? Status.pending : state.status;
    }

    /** @return the state, or null for absent or unknown values (v1's "created", a webhook's "refused") */
    public static ConnectionState of(String value) {
        if (value == null) return null;
        for (var state : values())
            if (state.name().equals(value)) return state;
        return null;
    }
}
