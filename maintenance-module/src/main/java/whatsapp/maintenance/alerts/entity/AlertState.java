package whatsapp.maintenance.alerts.entity;

/** Where an alert stands: open until acknowledged or resolved; a resolved alert is closed for good. */
public enum AlertState {
    open, acknowledged, resolved;

    /** @throws IllegalArgumentException for anything but the three names */
    public static AlertState of(String name) {
        return valueOf(name);
    }
}
