package whatsapp.integrations.events.entity;

import whatsapp.integrations.api.IntegrationRef;

/**
 * Fired, synchronously, before the relay publishes an event of an integration whose row still exists and is not
 * being deleted: the routing-cache entry is rewritten from the row, so a worker that hears of the event finds the
 * instance as it now is. Best effort: a failed refresh does not stop the relay.
 */
public record RouteRefreshing(IntegrationRef integration) {
}
