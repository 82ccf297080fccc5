package whatsapp.integrations.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.web.security.Actors;

/** Appends who did what to which integration and why, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    /** Reasons are free text from callers; the column keeps the first 500 characters. */
    static final int REASON_LENGTH = 500;

    @PersistenceContext
    EntityManager em;

    public void record(String actor, String action, IntegrationRef integration, String reason, Instant at) {
        record(actor, action, integration.organizationId(), integration.id(), integration.instanceName(), reason, at);
    }

    /** For an Evolution instance without an integration row (an orphan): no organization, no integration id. */
    public void recordInstance(String actor, String action, String instanceName, String reason, Instant at) {
        record(actor, action, null, null, instanceName, reason, at);
    }

    void record(String actor, String action, String organizationId, UUID integrationId, String instanceName,
                String reason, Instant at) {
        em.createNativeQuery("""
                INSERT INTO integrations.audit_log (at, actor, action, organization_id, integration_id, instance_name, reason)
                VALUES (?1, ?2, ?3, CAST(?4 AS varchar), CAST(?5 AS uuid), CAST(?6 AS varchar), CAST(?7 AS varchar))""")
                .setParameter(1, at).setParameter(2, Actors.bounded(actor)).setParameter(3, action).setParameter(4, organizationId)
                .setParameter(5, integrationId == null ? null : integrationId.toString()).setParameter(6, instanceName)
                .setParameter(7, reason == null ? null : reason.substring(0, Math.min(REASON_LENGTH, reason.length())))
                .executeUpdate();
    }
}
