package whatsapp.integrations.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.web.security.Actors;
import whatsapp.infrastructure.sql.SqlValues;

/** Appends who did what to which integration and why, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    /** Reasons are free text from callers; the column keeps the first 500 characters. */
    static final int REASON_LENGTH = 500;

    static final String REUSED = "instance.reused";
    static final String REUSED_REASON = "Evolution confirmed the instance";

    @PersistenceContext
    EntityManager em;

    /** Repeated reuses of one integration within this window bump one row instead of adding one each. */
    @Inject
    @ConfigProperty(name = "audit.reused-window-minutes", defaultValue = "60")
    long reusedWindowMinutes;

    public void record(String actor, String action, IntegrationRef integration, String reason, Instant at) {
        record(actor, action, integration.organizationId(), integration.id(), integration.instanceName(), reason, at);
    }

    /**
     * {@code instance.reused}, collapsed: the integration's reused row of the current window (started at most
     * {@code audit.reused-window-minutes} ago) counts one more reuse (the reason names the last time and actor; the row keeps
     * the first actor), instead of a row per POST;
     * the first reuse after the window starts a new row. Concurrent reuses of one integration take turns (a
     * transaction-scoped advisory lock), so a burst of POSTs makes one row.
     */
    public void recordReuse(String actor, IntegrationRef integration, Instant at) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('whatsapp-reused:' || ?1))) AS l")
                .setParameter(1, integration.id().toString()).getSingleResult();
        int bumped = em.createNativeQuery("""
                UPDATE integrations.audit_log SET repeats = repeats + 1,
                    reason = left(?1 || '; reused ' || (repeats + 1) || ' times since ' || to_char(at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ', last at ' || to_char(CAST(?2 AS timestamptz) AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || ' by ' || ?3, 500)
                WHERE id = (SELECT id FROM integrations.audit_log WHERE integration_id = CAST(?4 AS uuid) AND action = 'instance.reused'
                            AND at > ?5 ORDER BY at DESC LIMIT 1)""")
                .setParameter(1, REUSED_REASON).setParameter(2, SqlValues.at(at)).setParameter(3, actor)
                .setParameter(4, integration.id().toString()).setParameter(5, SqlValues.at(at.minus(Duration.ofMinutes(reusedWindowMinutes))))
                .executeUpdate();
        if (bumped == 0) record(actor, REUSED, integration, REUSED_REASON, at);
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
                .setParameter(1, SqlValues.at(at)).setParameter(2, Actors.bounded(actor)).setParameter(3, action).setParameter(4, organizationId)
                .setParameter(5, integrationId == null ? null : integrationId.toString()).setParameter(6, instanceName)
                .setParameter(7, reason == null ? null : reason.substring(0, Math.min(REASON_LENGTH, reason.length())))
                .executeUpdate();
    }
}
