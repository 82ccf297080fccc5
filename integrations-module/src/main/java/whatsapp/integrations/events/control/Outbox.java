package whatsapp.integrations.events.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;
import whatsapp.integrations.events.boundary.OutboxRelay;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.web.json.JsonContract;

/**
 * Writes events in the caller's transaction, so an event exists exactly when its state change
 * committed; after the commit the relay is nudged to publish at once.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    OutboxRelay relay;

    public UUID append(EventType type, Integration integration, Instant at) {
        UUID eventId = UUID.randomUUID();
        String payload = Json.createObjectBuilder()
                .add("event_id", eventId.toString())
                .add("type", type.wire)
                .add("instance_name", integration.instanceName())
                .add("organization_id", integration.organizationId())
                .add("integration_id", integration.id().toString())
                .add("status", integration.status().name())
                .add("occurred_at", JsonContract.Millis.FORMAT.format(at))
                .build().toString();
        em.createNativeQuery("INSERT INTO integrations.outbox (event_id, type, payload, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, eventId).setParameter(2, type.wire).setParameter(3, payload).setParameter(4, at)
                .executeUpdate();
        transaction.registerInterposedSynchronization(new AfterCommit(relay));
        return eventId;
    }

    record AfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) relay.publishSoon();
        }
    }
}
