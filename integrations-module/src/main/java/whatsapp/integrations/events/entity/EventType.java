package whatsapp.integrations.events.entity;

/** Event types on the topic {@code whatsapp:instance-events} and the stream {@code whatsapp:instance-events:stream}. */
public enum EventType {
    CREATED("instance.created"),
    STATUS_CHANGED("instance.status_changed"),
    REMOVED("instance.removed"),
    DUPLICATE_NUMBER("instance.duplicate_number"),
    /** The instance was deleted and created again outside this service: a new Evolution id under the same name. */
    RECREATED("instance.recreated");

    public final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public static EventType of(String wire) {
        for (var type : values()) if (type.wire.equals(wire)) return type;
        throw new IllegalArgumentException("unknown event type " + wire);
    }
}
