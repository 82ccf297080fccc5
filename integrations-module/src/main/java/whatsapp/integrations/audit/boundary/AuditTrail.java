package whatsapp.integrations.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.audit.entity.AuditEntry;

/** Reads the audit log, newest first; a plain read without a transaction of its own. */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    /** @param organizationId null: every organization */
    public List<AuditEntry> newest(String organizationId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT at, actor, action, organization_id, integration_id, instance_name, reason
                FROM integrations.audit_log WHERE (CAST(?1 AS varchar) IS NULL OR organization_id = CAST(?1 AS varchar))
                ORDER BY at DESC, id DESC LIMIT ?2""")
                .setParameter(1, organizationId).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> new AuditEntry(SqlValues.instant(row[0]), (String) row[1], (String) row[2],
                (String) row[3], SqlValues.uuid(row[4]), (String) row[5], (String) row[6])).toList();
    }
}
