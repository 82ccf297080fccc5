package whatsapp.integrations.lifecycle.boundary;

/** {"success": true, "reused": ..., "integration": {...}} */
public record CreateAnswer(boolean success, boolean reused, IntegrationView integration) {
}
