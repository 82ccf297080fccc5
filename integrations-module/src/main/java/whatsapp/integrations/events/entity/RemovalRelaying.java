package whatsapp.integrations.events.entity;

/**
 * Fired, synchronously, just before an {@code instance.removed} event is published: the routing cache entry goes
 * first, so that no worker that hears of the removal can still find the instance. An observer that fails stops the
 * relay of the batch, which then waits in the outbox.
 */
public record RemovalRelaying(String instanceName) {
}
