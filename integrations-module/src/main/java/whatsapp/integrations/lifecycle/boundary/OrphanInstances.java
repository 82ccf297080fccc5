package whatsapp.integrations.lifecycle.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.integrations.api.OrphanRemoval;
import whatsapp.integrations.audit.control.AuditLog;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * What the orphan cleanup asks of this module: the removal of an Evolution instance no integration uses, and the
 * report of a number paired with several instances. Both are written to the audit log (and the report to the outbox)
 * here, so that no other module drives this module's tables.
 */
@Stateless
public class OrphanInstances {

    static final Logger LOG = Logger.getLogger(OrphanInstances.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Inventory inventory;

    /**
     * Unguarded Evolution, as the cleanup itself uses it: a batch job's call must neither be cut by the request path's
     * time budget nor open the request path's circuit breaker.
     */
    @Inject
    EvolutionFleet fleet;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "duplicate-number.cooldown-hours", defaultValue = "24")
    long cooldownHours;

    /** Checked for use just before Evolution is asked; no transaction is open during the call, one short one after. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrphanRemoval remove(String server, String instanceName, String actor, String reason) {
        if (inventory.inUse(instanceName))
            return new OrphanRemoval(OrphanRemoval.Outcome.IN_USE, "now in use by an integration");
        return fleet.on(server).delete(instanceName).match(
                deleted -> {
                    audited(instanceName, actor, reason);
                    LOG.info(() -> "Orphaned Evolution instance " + instanceName + " logged out and deleted from server " + server);
                    return new OrphanRemoval(OrphanRemoval.Outcome.DELETED, "logged out and deleted");
                },
                gone -> new OrphanRemoval(OrphanRemoval.Outcome.ALREADY_GONE, "gone before the deletion"),
                unavailable -> new OrphanRemoval(OrphanRemoval.Outcome.FAILED, unavailable.reason()));
    }

    void audited(String instanceName, String actor, String reason) {
        // the audit entry needs a transaction of its own: through the container, not as a plain this-call
        context.getBusinessObject(OrphanInstances.class).recordDeleted(instanceName, actor, reason);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDeleted(String instanceName, String actor, String reason) {
        audit.recordInstance(actor, "instance.deleted", instanceName, reason, Instant.now());
    }

    /**
     * An {@code instance.duplicate_number} event and an audit entry for each instance named that has a row, once per
     * number and set of instances: the same instances sharing the number are reported again only after
     * {@code duplicate-number.cooldown-hours} (default 24), a changed set at once. Reports older than the cooldown
     * (numbers no longer shared) are pruned here too.
     */
    public void reportDuplicateNumber(String phoneNumber, List<String> instanceNames, List<String> servers, String actor) {
        var now = Instant.now();
        var cooledDown = now.minus(Duration.ofHours(cooldownHours));
        em.createNativeQuery("DELETE FROM integrations.duplicate_number_reports WHERE reported_at < ?1")
                .setParameter(1, SqlValues.at(cooledDown)).executeUpdate();
        var names = String.join(",", new TreeSet<>(instanceNames));
        int due = em.createNativeQuery("""
                INSERT INTO integrations.duplicate_number_reports (phone_number, instance_names, reported_at)
                VALUES (?1, ?2, ?3) ON CONFLICT (phone_number) DO UPDATE
                SET instance_names = EXCLUDED.instance_names, reported_at = EXCLUDED.reported_at
                WHERE duplicate_number_reports.instance_names <> EXCLUDED.instance_names""")
                .setParameter(1, phoneNumber).setParameter(2, names).setParameter(3, SqlValues.at(now)).executeUpdate();
        if (due == 0) {
            LOG.fine(() -> "Number " + phoneNumber + " was reported with the same instances within the cooldown");
            return;
        }
        em.createQuery("SELECT i FROM Integration i WHERE i.instanceName IN :names", Integration.class)
                .setParameter("names", instanceNames).getResultStream()
                .forEach(integration -> {
                    outbox.append(EventType.DUPLICATE_NUMBER, integration.ref(), now);
                    audit.record(actor, "duplicate_number.detected", integration.ref(),
                            "number " + phoneNumber + " is paired with " + pairedWith(instanceNames, servers), now);
                });
    }

    /** {@code a, b}; on more than one Evolution server {@code a (server x), b (server y)}. */
    static String pairedWith(List<String> instanceNames, List<String> servers) {
        if (servers == null || servers.size() != instanceNames.size() || new java.util.HashSet<>(servers).size() < 2)
            return String.join(", ", instanceNames);
        var named = new java.util.ArrayList<String>();
        for (int i = 0; i < instanceNames.size(); i++) named.add(instanceNames.get(i) + " (server " + servers.get(i) + ")");
        return String.join(", ", named);
    }

    /**
     * An audit entry per instance named, under its integration when it has one (so its organization sees it), else
     * about the bare instance.
     */
    public void auditInstances(String actor, String action, List<String> instanceNames, String reason) {
        var now = Instant.now();
        var rows = em.createQuery("SELECT i FROM Integration i WHERE i.instanceName IN :names", Integration.class)
                .setParameter("names", instanceNames).getResultList();
        for (var name : instanceNames) {
            rows.stream().filter(row -> row.ref().instanceName().equals(name)).findFirst().ifPresentOrElse(
                    row -> audit.record(actor, action, row.ref(), reason, now),
                    () -> audit.recordInstance(actor, action, name, reason, now));
        }
    }
}
