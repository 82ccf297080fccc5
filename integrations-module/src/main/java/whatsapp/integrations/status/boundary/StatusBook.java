package whatsapp.integrations.status.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.status.control.Transition;

/**
 * Applies observations of many instances in one transaction: one read of the rows concerned, one
 * batched update, history rows and {@code instance.status_changed} events for the changes, and a
 * cache refresh once committed. Plain JDBC, because a 10,000-instance sweep must not load 10,000
 * entities.
 */
@Stateless
public class StatusBook {

    @Resource(lookup = "java:jboss/datasources/IntegrationsDS")
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    InstanceCache cache;

    record Row(UUID id, String organizationId, Instant statusChangedAt, Transition state) {

        /** A status recorded after the observation was made (say, by a webhook during a sweep's listing) stays. */
        boolean newerThan(Observation seen) {
            return statusChangedAt != null && statusChangedAt.isAfter(seen.observedAt());
        }
    }

    public List<StatusChange> observe(List<Observation> observations, String source) {
        Map<String, Observation> latest = new LinkedHashMap<>();
        observations.forEach(o -> latest.put(o.instanceName(), o));
        try (var connection = dataSource.getConnection()) {
            var rows = rowsOf(connection, latest.keySet());
            List<StatusChange> changes = new ArrayList<>();
            try (var update = connection.prepareStatement("""
                    UPDATE integrations.integrations SET status = ?, phone_number = ?, connected_at = ?, disconnect_reason = ?,
                        status_changed_at = CASE WHEN status <> ? THEN ? ELSE status_changed_at END, updated_at = ?
                    WHERE id = ? AND status <> 'deleting'""")) {
                for (var seen : latest.values()) {
                    var row = rows.get(seen.instanceName());
                    if (row == null || row.newerThan(seen)) continue;
                    var next = Transition.of(row.state(), seen);
                    if (next.equals(row.state())) continue;
                    var at = Timestamp.from(seen.observedAt());
                    update.setString(1, next.status());
                    update.setString(2, next.phoneNumber());
                    update.setTimestamp(3, next.connectedAt() == null ? null : Timestamp.from(next.connectedAt()));
                    update.setString(4, next.disconnectReason());
                    update.setString(5, next.status());
                    update.setTimestamp(6, at);
                    update.setTimestamp(7, at);
                    update.setObject(8, row.id());
                    update.addBatch();
                    if (next.statusDiffers(row.state())) {
                        changes.add(new StatusChange(seen.instanceName(), row.organizationId(), row.id(), row.state().status(),
                                next.status(), next.disconnectReason(), seen.observedAt(), source));
                    }
                }
                update.executeBatch();
            }
            record(connection, changes);
            outbox.appendStatusChanges(connection, changes);
            cache.refreshAfterCommit(changes);
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording observations failed: " + e.getSQLState(), e);
        }
    }

    Map<String, Row> rowsOf(Connection connection, java.util.Collection<String> names) throws SQLException {
        Map<String, Row> rows = new java.util.HashMap<>();
        try (var query = connection.prepareStatement("""
                SELECT id, instance_name, organization_id, status_changed_at, status, phone_number, connected_at, disconnect_reason
                FROM integrations.integrations WHERE instance_name = ANY (?) AND status <> 'deleting' FOR UPDATE""")) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    var connectedAt = result.getTimestamp(7);
                    var statusChangedAt = result.getTimestamp(4);
                    rows.put(result.getString(2), new Row(result.getObject(1, UUID.class), result.getString(3),
                            statusChangedAt == null ? null : statusChangedAt.toInstant(),
                            new Transition(result.getString(5), result.getString(6),
                                    connectedAt == null ? null : connectedAt.toInstant(), result.getString(8))));
                }
            }
        }
        return rows;
    }

    void record(Connection connection, List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) return;
        try (var insert = connection.prepareStatement("""
                INSERT INTO integrations.status_history
                    (instance_name, organization_id, integration_id, from_status, to_status, reason, source, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var change : changes) {
                insert.setString(1, change.instanceName());
                insert.setString(2, change.organizationId());
                insert.setObject(3, change.integrationId());
                insert.setString(4, change.from());
                insert.setString(5, change.to());
                insert.setString(6, change.reason());
                insert.setString(7, change.source());
                insert.setTimestamp(8, Timestamp.from(change.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public List<StatusChange> history(String instanceName, Instant since) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                (SELECT instance_name, organization_id, integration_id, from_status, to_status, reason, at, source
                   FROM integrations.status_history WHERE instance_name = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1)
                UNION ALL
                (SELECT instance_name, organization_id, integration_id, from_status, to_status, reason, at, source
                   FROM integrations.status_history WHERE instance_name = ? AND at >= ? ORDER BY at, id)
                ORDER BY at""")) {
            query.setString(1, instanceName);
            query.setTimestamp(2, Timestamp.from(since));
            query.setString(3, instanceName);
            query.setTimestamp(4, Timestamp.from(since));
            List<StatusChange> changes = new ArrayList<>();
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    changes.add(new StatusChange(result.getString(1), result.getString(2), result.getObject(3, UUID.class),
                            result.getString(4), result.getString(5), result.getString(6),
                            result.getTimestamp(7).toInstant(), result.getString(8)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the history failed: " + e.getSQLState(), e);
        }
    }

    /** The stored secret hash of an instance that may receive webhooks (not being deleted). */
    public java.util.Optional<String> webhookTarget(String instanceName) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT webhook_secret_hash FROM integrations.integrations WHERE instance_name = ? AND status <> 'deleting'")) {
            query.setString(1, instanceName);
            try (var result = query.executeQuery()) {
                return result.next() ? java.util.Optional.ofNullable(result.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the webhook target failed: " + e.getSQLState(), e);
        }
    }

    /**
     * A webhook's observation, applied only when it is newer than every delivery applied before
     * (by Evolution's own timestamps, which share one clock); repeated or late deliveries change
     * nothing. Returns the status now recorded, or empty when the delivery was stale.
     */
    public java.util.Optional<String> observeWebhook(Observation seen, Instant evolutionTime) {
        String current;
        try (var connection = dataSource.getConnection(); var claim = connection.prepareStatement("""
                UPDATE integrations.integrations SET webhook_event_at = ?
                WHERE instance_name = ? AND status <> 'deleting' AND (webhook_event_at IS NULL OR webhook_event_at < ?)
                RETURNING status""")) {
            claim.setTimestamp(1, Timestamp.from(evolutionTime));
            claim.setString(2, seen.instanceName());
            claim.setTimestamp(3, Timestamp.from(evolutionTime));
            try (var result = claim.executeQuery()) {
                if (!result.next()) return java.util.Optional.empty();
                current = result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Ordering the webhook failed: " + e.getSQLState(), e);
        }
        var changes = observe(List.of(seen), "webhook");
        return java.util.Optional.of(changes.isEmpty() ? current : changes.get(0).to());
    }
}
