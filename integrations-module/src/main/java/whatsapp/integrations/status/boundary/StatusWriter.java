package whatsapp.integrations.status.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.api.StatusesRecorded;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.status.control.Recording;
import whatsapp.integrations.status.control.StatusRows;

/**
 * The one writer of integration statuses. Observations of many instances go in one transaction: one locking read of
 * the rows concerned, one batched update, history rows and {@code instance.status_changed} events for the changes,
 * and, once committed, the relay publishes the events and refreshes each one's routing-cache entry from the row (so
 * a status change never writes the entry of an integration whose deletion finished meanwhile).
 */
@Stateless
public class StatusWriter {

    @Resource(lookup = "java:jboss/datasources/WhatsAppDS")
    DataSource dataSource;

    @Inject
    Outbox outbox;

    /** Observers (the alerts) write in this transaction: what they record commits with the change. */
    @Inject
    Event<StatusesRecorded> recorded;


    public List<StatusChange> observe(List<Observation> observations, Source source) {
        try (var connection = dataSource.getConnection()) {
            return record(connection, observations, source);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording observations failed: " + e.getSQLState(), e);
        }
    }

    /**
     * A webhook's observation, applied only when it is newer than every delivery applied before; repeated or late
     * deliveries change nothing. @return the status now recorded, or empty when the delivery was stale
     */
    public Optional<Status> observeWebhook(Observation seen, Instant evolutionTime) {
        try (var connection = dataSource.getConnection()) {
            var current = StatusRows.claimWebhookOrder(connection, seen.instanceName(), evolutionTime);
            if (current.isEmpty()) return current;
            var changes = record(connection, List.of(seen), Source.webhook);
            return changes.isEmpty() ? current : Optional.of(changes.get(0).to());
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the webhook failed: " + e.getSQLState(), e);
        }
    }

    List<StatusChange> record(Connection connection, List<Observation> observations, Source source) throws SQLException {
        var latest = Recording.latest(observations);
        var recording = Recording.plan(latest, StatusRows.lock(connection, latest.keySet()), source);
        StatusRows.update(connection, recording.updates());
        StatusRows.recordHistory(connection, recording.changes());
        outbox.appendStatusChanges(connection, recording.changes());
        if (!recording.changes().isEmpty()) {
            var numbers = recording.updates().stream().filter(update -> update.next().status() == Status.connected)
                    .map(update -> update.next().phoneNumber()).filter(Objects::nonNull).collect(Collectors.toSet());
            recorded.fire(new StatusesRecorded(recording.changes(), StatusRows.shared(connection, numbers)));
        }
        return recording.changes();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<StatusChange> history(String instanceName, Instant since) {
        try (var connection = dataSource.getConnection()) {
            return StatusRows.history(connection, instanceName, since);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the history failed: " + e.getSQLState(), e);
        }
    }

    /** The stored secret hash of an instance that may receive webhooks (not being deleted). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> webhookTarget(String instanceName) {
        try (var connection = dataSource.getConnection()) {
            return StatusRows.webhookSecretHash(connection, instanceName);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the webhook target failed: " + e.getSQLState(), e);
        }
    }
}
