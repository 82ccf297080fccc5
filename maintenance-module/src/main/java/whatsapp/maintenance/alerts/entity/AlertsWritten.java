package whatsapp.maintenance.alerts.entity;

/** Fired when a transaction wrote alert notices: once it commits, the relay delivers them at once. */
public record AlertsWritten() {
}
