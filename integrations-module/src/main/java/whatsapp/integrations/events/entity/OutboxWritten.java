package whatsapp.integrations.events.entity;

/** Fired when a transaction wrote events to the outbox; observed once it committed, to relay them at once. */
public record OutboxWritten(int events) {
}
