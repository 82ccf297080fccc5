package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.audit.control.AuditLog;
import whatsapp.integrations.lifecycle.control.SqlValues;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Retired;

/** The published view of this module for the other modules of the EAR. */
@Stateless
public class IntegrationsFacade implements Integrations {

    @PersistenceContext
    EntityManager em;

    @EJB
    Retirement retirement;

    @EJB
    Ledger ledger;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @EJB
    whatsapp.integrations.status.boundary.StatusBook statusBook;

    @Override
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public List<IntegrationSummary> all() {
        // a projection, not entities: a 10,000-instance sweep reads this once per run
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, organization_id, instance_name, status, enabled, phone_number, connected_at, disconnect_reason,
                       created_at, updated_at, status_changed_at
                FROM integrations.integrations ORDER BY created_at DESC""").getResultList();
        return rows.stream().map(r -> new IntegrationSummary(SqlValues.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (Boolean) r[4], (String) r[5], SqlValues.instant(r[6]), (String) r[7], SqlValues.instant(r[8]),
                SqlValues.instant(r[9]), SqlValues.instant(r[10]))).toList();
    }

    @Override
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public RetireResult retire(UUID integrationId, String actor, String reason) {
        var retired = retirement.retire(integrationId, actor, reason);
        if (retired instanceof Retired.Done) return RetireResult.DONE;
        return retired instanceof Retired.Pending ? RetireResult.PENDING : RetireResult.UNKNOWN;
    }

    @Override
    public void reportDuplicateNumber(String phoneNumber, List<String> instanceNames, String actor) {
        var now = java.time.Instant.now();
        em.createQuery("SELECT i FROM Integration i WHERE i.instanceName IN :names", Integration.class)
                .setParameter("names", instanceNames).getResultStream()
                .forEach(integration -> {
                    outbox.append(EventType.DUPLICATE_NUMBER, integration, now);
                    audit.record(actor, "duplicate_number.detected", integration,
                            "number " + phoneNumber + " is paired with " + String.join(", ", instanceNames), now);
                });
    }

    @Override
    public boolean references(String instanceName) {
        var uses = (Number) em.createNativeQuery("""
                SELECT (SELECT COUNT(*) FROM integrations.integrations WHERE instance_name = ?1)
                     + (SELECT COUNT(*) FROM integrations.provisioning_claims WHERE instance_name = ?1)""")
                .setParameter(1, instanceName).getSingleResult();
        return uses.longValue() > 0;
    }

    @Override
    public void auditInstanceDeleted(String instanceName, String actor, String reason) {
        audit.record(actor, "instance.deleted", null, null, instanceName, reason, java.time.Instant.now());
    }

    @Override
    public List<StatusChange> observe(List<Observation> observations, String source) {
        return statusBook.observe(observations, source);
    }

    @Override
    public List<StatusChange> history(String instanceName, java.time.Instant since) {
        return statusBook.history(instanceName, since);
    }

    @Override
    public boolean leaseConnect(String instanceName, java.time.Duration lease) {
        return ledger.leaseConnect(instanceName, lease);
    }

    @Override
    public void releaseConnect(String instanceName) {
        ledger.releaseConnect(instanceName);
    }

}
