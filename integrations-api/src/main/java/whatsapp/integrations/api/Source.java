package whatsapp.integrations.api;

/** Who saw a status change: a fleet-wide health sweep or one of Evolution's webhook deliveries. */
public enum Source {
    sweep, webhook
}
