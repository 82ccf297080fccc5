package whatsapp.integrations.events.entity;

/** Event types on the topic {@code whatsapp:instance-events}. */
public enum EventType {
    CREATED("instance.created"),
    STATUS_CHANGED("instance.status_changed"),
    REMOVED("instance.removed"),
    DUPLICATE_NUMBER("instance.duplicate_number");

    public final String wire;

    EventType(String wire) {
        this.wire = wire;
    }
}
