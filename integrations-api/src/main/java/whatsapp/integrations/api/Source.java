package whatsapp.integrations.api;

/**
 * Who saw a status change: a fleet-wide health sweep, one of Evolution's webhook deliveries, or the liveness probe (a
 * connected instance found dead, a zombie, or answering again).
 */
public enum Source {
    sweep, webhook, probe
}
