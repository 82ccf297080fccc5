package whatsapp.integrations.published.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.OrphanRemoval;
import whatsapp.integrations.api.RestartResult;
import whatsapp.integrations.api.RoutingRefresh;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.cache.boundary.RoutingCache;
import whatsapp.integrations.lifecycle.boundary.Inventory;
import whatsapp.integrations.lifecycle.boundary.OrphanInstances;
import whatsapp.integrations.lifecycle.boundary.Retirement;
import whatsapp.integrations.lifecycle.boundary.WebhookRepairs;
import whatsapp.integrations.pairing.boundary.Pairings;
import whatsapp.integrations.status.boundary.StatusWriter;

/**
 * What this module publishes to the other modules of the EAR ({@link Integrations}): each method delegates to the
 * component that owns the use case. Reads run without a transaction of their own; nothing here holds one while
 * Evolution is called.
 */
@Stateless
public class IntegrationsFacade implements Integrations {

    @Inject
    Inventory inventory;

    @EJB
    StatusWriter statuses;

    @EJB
    Retirement retirement;

    @EJB
    Pairings pairings;

    @EJB
    OrphanInstances orphans;

    @EJB
    RoutingCache routing;

    @EJB
    WebhookRepairs webhookRepairs;

    @EJB
    whatsapp.integrations.status.boundary.Probes probes;

    @PersistenceContext
    EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> probeDue(java.time.Duration period, int limit) {
        return probes.due(period, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<whatsapp.integrations.api.ProbeTarget> leaseProbe(String instanceName, java.time.Duration period,
                                                                       java.time.Duration lease) {
        return probes.lease(instanceName, period, lease);
    }

    @Override
    public whatsapp.integrations.api.ProbeRecorded recordProbe(String instanceName, boolean dead, String answer, Instant at) {
        return probes.record(instanceName, dead, answer, at);
    }

    @Inject
    whatsapp.integrations.audit.control.AuditLog auditLog;

    @Inject
    whatsapp.integrations.events.control.Outbox outbox;

    @EJB
    whatsapp.integrations.lifecycle.boundary.WebhookDrift webhookDrift;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> webhookCheckDue(java.time.Duration period, int limit) {
        return webhookDrift.due(period, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public whatsapp.integrations.api.WebhookCheck checkWebhook(String instanceName, java.time.Duration period, String actor) {
        return webhookDrift.check(instanceName, period, actor);
    }

    @Override
    public void learnInstanceIds(Map<String, String> idsByInstanceName) {
        webhookRepairs.learnInstanceIds(idsByInstanceName);
    }

    @Override
    public boolean instanceRecreated(String instanceName, String previousId, String newId, String actor) {
        var row = webhookRepairs.recreated(instanceName, previousId, newId);
        if (row.isEmpty()) return false;
        var now = Instant.now();
        auditLog.record(actor, "instance.recreated", row.get(), "Evolution instance id " + previousId + " became " + newId
                + ": deleted and created again outside this service; our webhook and a fresh secret are set again", now);
        outbox.append(whatsapp.integrations.events.entity.EventType.RECREATED, row.get(), now);
        return true;
    }

    @EJB
    whatsapp.integrations.lifecycle.boundary.MonitoringPauses monitoringPauses;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> monitoringPaused(java.util.Collection<String> instanceNames, Instant at) {
        return monitoringPauses.paused(instanceNames, at);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long zombies() {
        return probes.zombies();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> eventsAfter(long after, int limit) {
        return em.createNativeQuery("SELECT payload FROM integrations.outbox WHERE sequence > ?1 ORDER BY sequence LIMIT ?2")
                .setParameter(1, after).setParameter(2, limit).getResultList();
    }

    @Inject
    whatsapp.integrations.lifecycle.boundary.PlacementHolds placementHolds;

    @Override
    public void holdPlacement(Map<String, String> reasonByServer) {
        placementHolds.hold(reasonByServer);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> placementHolds() {
        return placementHolds.held();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lastEventSequence() {
        return ((Number) em.createNativeQuery("SELECT coalesce(max(sequence), 0) FROM integrations.outbox")
                .getSingleResult()).longValue();
    }

    @Override
    public long unverifiedWebhooks() {
        return webhookRepairs.unverified();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<IntegrationSummary> watched() {
        return inventory.watched();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<IntegrationSummary> inventory() {
        return inventory.all();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<IntegrationSummary> inventoryPage(String afterInstanceName, int limit) {
        return inventory.page(afterInstanceName, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<IntegrationSummary> find(String instanceName) {
        return inventory.find(instanceName);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<String> namesInUse() {
        return inventory.namesInUse();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Status, Long> countsByStatus() {
        return inventory.countsByStatus();
    }

    @Override
    public List<StatusChange> observe(List<Observation> observations, Source source) {
        return statuses.observe(observations, source);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RoutingRefresh refreshRoutingCache() {
        return routing.refresh();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StatusChange> history(String instanceName, Instant since) {
        return statuses.history(instanceName, since);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetireResult retire(UUID integrationId, String actor, String reason) {
        return retirement.retire(integrationId, actor, reason)
                .match(done -> RetireResult.DONE, pending -> RetireResult.PENDING, () -> RetireResult.UNKNOWN);
    }

    @Override
    public void reportDuplicateNumber(String phoneNumber, List<String> instanceNames, List<String> servers, String actor) {
        orphans.reportDuplicateNumber(phoneNumber, instanceNames, servers, actor);
    }

    @Override
    public void audit(String actor, String action, List<String> instanceNames, String reason) {
        orphans.auditInstances(actor, action, instanceNames, reason);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OrphanRemoval removeOrphan(String server, String instanceName, String actor, String reason) {
        return orphans.remove(server, instanceName, actor, reason);
    }

    @Override
    public Map<String, Map<Status, Long>> countsByServer() {
        return inventory.countsByServer();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RestartResult restart(String instanceName) {
        return pairings.restart(instanceName);
    }
}
