package whatsapp.integrations.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.events.entity.OutboxWritten;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * Writes events in the caller's transaction, so an event exists exactly when its state change committed. Each write
 * fires {@link OutboxWritten}, which the relay observes after the commit to publish at once.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = """
            INSERT INTO integrations.outbox (event_id, type, payload, created_at, integration_id, organization_id)
            VALUES (?, ?, ?, ?, ?, ?)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<OutboxWritten> written;

    public UUID append(EventType type, IntegrationRef integration, Instant at) {
        UUID eventId = UUID.randomUUID();
        String payload = payload(eventId, type, integration.instanceName(), integration.organizationId(),
                integration.id(), integration.status(), at);
        em.createNativeQuery("""
                INSERT INTO integrations.outbox (event_id, type, payload, created_at, integration_id, organization_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, eventId).setParameter(2, type.wire).setParameter(3, payload).setParameter(4, SqlValues.at(at))
                .setParameter(5, integration.id()).setParameter(6, integration.organizationId())
                .executeUpdate();
        written.fire(new OutboxWritten(1));
        return eventId;
    }

    /** {@code instance.status_changed} for each change, batched on the caller's connection and transaction. */
    public void appendStatusChanges(Connection connection, List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) return;
        try (var insert = connection.prepareStatement(INSERT)) {
            var now = Timestamp.from(Instant.now());
            for (var change : changes) {
                UUID eventId = UUID.randomUUID();
                insert.setObject(1, eventId);
                insert.setString(2, EventType.STATUS_CHANGED.wire);
                insert.setString(3, payload(eventId, EventType.STATUS_CHANGED, change.instanceName(), change.organizationId(),
                        change.integrationId(), change.to(), change.at()));
                insert.setTimestamp(4, now);
                insert.setObject(5, change.integrationId());
                insert.setString(6, change.organizationId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        written.fire(new OutboxWritten(changes.size()));
    }

    static String payload(UUID eventId, EventType type, String instanceName, String organizationId, UUID integrationId,
                          Status status, Instant at) {
        return EventJson.unsequenced(eventId, type, instanceName, organizationId, integrationId, status, at);
    }
}
