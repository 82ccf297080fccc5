package whatsapp.integrations.lifecycle.control;

import whatsapp.integrations.lifecycle.entity.Status;

/** Evolution's connection states in our words. */
public final class StatusMapping {

    private StatusMapping() {
    }

    /** For an instance we just created or adopted: {@code close} means never paired yet. */
    public static Status fromEvolution(Object connectionStatus) {
        String state = connectionStatus == null ? "" : connectionStatus.toString();
        return switch (state) {
            case "open" -> Status.connected;
            case "connecting" -> Status.connecting;
            default -> Status.pending;
        };
    }
}
