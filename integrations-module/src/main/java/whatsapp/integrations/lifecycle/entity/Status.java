package whatsapp.integrations.lifecycle.entity;

/** Life of an integration's instance; the constants are the wire values. */
public enum Status {
    pending, connecting, connected, disconnected, missing, deleting
}
