package whatsapp.integrations.status.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.api.StatusesRecorded;

/**
 * The status columns of {@code integrations.integrations} and the {@code status_history} table, in plain JDBC on
 * the caller's connection and transaction: a 10,000-instance sweep must not load 10,000 entities. Every update
 * increments {@code version}, as the JPA entity's own updates do, so that no writer overwrites another unseen.
 * Rows being deleted are never touched.
 */
public final class StatusRows {

    /**
     * One row as a batch of observations finds it, locked until the transaction ends.
     *
     * @param observedAt when its state was last seen to hold (a webhook applied, a sweep's listing); null: unknown
     */
    public record Row(UUID id, String organizationId, Instant statusChangedAt, Instant observedAt, Transition state) {

        public Row(UUID id, String organizationId, Instant statusChangedAt, Transition state) {
            this(id, organizationId, statusChangedAt, null, state);
        }

        /**
         * A status recorded, or seen to hold, after the observation was made (say, by a webhook during a sweep's
         * listing, or one that confirmed the status after it) stays.
         */
        public boolean newerThan(Instant observedAt) {
            // PostgreSQL keeps microseconds, rounded: an instant it stored may be up to half of one later than ours
            var stored = observedAt.plus(PRECISION);
            return statusChangedAt != null && statusChangedAt.isAfter(stored)
                    || this.observedAt != null && this.observedAt.isAfter(stored);
        }
    }

    /** What PostgreSQL's {@code timestamptz} keeps of an instant. */
    static final java.time.Duration PRECISION = java.time.Duration.ofNanos(1000);

    /** The row's status and the last webhook delivery applied to it, by Evolution's clock. */
    public record WebhookPlace(Status status, Instant lastAt, String lastDigest) {
    }

    /** A row's next state, and when it was seen. */
    public record Update(UUID id, Transition next, Instant at) {
    }

    private StatusRows() {
    }

    public static Map<String, Row> lock(Connection connection, Collection<String> names) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (var query = connection.prepareStatement("""
                SELECT id, instance_name, organization_id, status_changed_at, status, phone_number, connected_at, disconnect_reason,
                    observed_at
                FROM integrations.integrations WHERE instance_name = ANY (?) AND status <> 'deleting' FOR UPDATE""")) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(2), new Row(result.getObject(1, UUID.class), result.getString(3),
                            instant(result.getTimestamp(4)), instant(result.getTimestamp(9)), new Transition(Status.of(result.getString(5)),
                            result.getString(6), instant(result.getTimestamp(7)), result.getString(8))));
                }
            }
        }
        return rows;
    }

    /**
     * Of these phone numbers, those more than one connected integration (not being deleted) is paired with, each with
     * its instance names in name order: one number paired twice is the known cause of WhatsApp removing devices.
     */
    public static List<StatusesRecorded.SharedNumber> shared(Connection connection, Collection<String> phoneNumbers)
            throws SQLException {
        if (phoneNumbers.isEmpty()) return List.of();
        try (var query = connection.prepareStatement("""
                SELECT phone_number, array_agg(instance_name ORDER BY instance_name) FROM integrations.integrations
                WHERE phone_number = ANY (?) AND status = 'connected' GROUP BY phone_number HAVING count(*) > 1
                ORDER BY phone_number""")) {
            query.setArray(1, connection.createArrayOf("text", phoneNumbers.toArray()));
            var shared = new ArrayList<StatusesRecorded.SharedNumber>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) shared.add(new StatusesRecorded.SharedNumber(rows.getString(1),
                        List.of((String[]) rows.getArray(2).getArray())));
            }
            return shared;
        }
    }

    public static void update(Connection connection, List<Update> updates) throws SQLException {
        if (updates.isEmpty()) return;
        try (var update = connection.prepareStatement("""
                UPDATE integrations.integrations SET status = ?, phone_number = ?, connected_at = ?, disconnect_reason = ?,
                    status_changed_at = CASE WHEN status <> ? THEN ? ELSE status_changed_at END, updated_at = ?,
                    observed_at = GREATEST(observed_at, ?), version = version + 1,
                    probe_failed_at = CASE WHEN status <> ? THEN NULL ELSE probe_failed_at END,
                    probe_answer = CASE WHEN status <> ? THEN NULL ELSE probe_answer END
                WHERE id = ? AND status <> 'deleting'""")) {
            for (var row : updates) {
                var next = row.next();
                var at = Timestamp.from(row.at());
                update.setString(1, next.status().name());
                update.setString(2, next.phoneNumber());
                update.setTimestamp(3, next.connectedAt() == null ? null : Timestamp.from(next.connectedAt()));
                update.setString(4, next.disconnectReason());
                update.setString(5, next.status().name());
                update.setTimestamp(6, at);
                update.setTimestamp(7, at);
                update.setTimestamp(8, at);
                // a zombie finding is about a connected socket: any status change ends it
                update.setString(9, next.status().name());
                update.setString(10, next.status().name());
                update.setObject(11, row.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    public static void recordHistory(Connection connection, List<StatusChange> changes) throws SQLException {
        if (changes.isEmpty()) return;
        try (var insert = connection.prepareStatement("""
                INSERT INTO integrations.status_history
                    (instance_name, organization_id, integration_id, from_status, to_status, reason, source, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (var change : changes) {
                insert.setString(1, change.instanceName());
                insert.setString(2, change.organizationId());
                insert.setObject(3, change.integrationId());
                insert.setString(4, change.from().name());
                insert.setString(5, change.to().name());
                insert.setString(6, change.reason());
                insert.setString(7, change.source().name());
                insert.setTimestamp(8, Timestamp.from(change.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Oldest first, preceded by the last change before {@code since} (the state the window starts in). */
    public static List<StatusChange> history(Connection connection, String instanceName, Instant since) throws SQLException {
        try (var query = connection.prepareStatement("""
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
                            Status.of(result.getString(4)), Status.of(result.getString(5)), result.getString(6),
                            result.getTimestamp(7).toInstant(), Source.valueOf(result.getString(8))));
                }
            }
            return changes;
        }
    }

    /** The stored secret hash of an instance that may receive webhooks (not being deleted). */
    public static Optional<String> webhookSecretHash(Connection connection, String instanceName) throws SQLException {
        try (var query = connection.prepareStatement(
                "SELECT webhook_secret_hash FROM integrations.integrations WHERE instance_name = ? AND status <> 'deleting'")) {
            query.setString(1, instanceName);
            try (var result = query.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Locks the row of an instance that may receive webhooks and reads its place in the webhook order.
     * @return empty when there is no such row or it is being deleted
     */
    public static Optional<WebhookPlace> lockWebhookPlace(Connection connection, String instanceName) throws SQLException {
        try (var query = connection.prepareStatement("""
                SELECT status, webhook_event_at, webhook_event_digest FROM integrations.integrations
                WHERE instance_name = ? AND status <> 'deleting' FOR UPDATE""")) {
            query.setString(1, instanceName);
            try (var result = query.executeQuery()) {
                return result.next() ? Optional.of(new WebhookPlace(Status.of(result.getString(1)),
                        instant(result.getTimestamp(2)), result.getString(3))) : Optional.empty();
            }
        }
    }

    /**
     * The delivery stamped {@code evolutionTime} (by Evolution's clock) is the last one applied, and it saw the row's
     * state hold at {@code observedAt} (ours).
     */
    public static void advanceWebhookOrder(Connection connection, String instanceName, Instant evolutionTime, String digest,
                                           Instant observedAt) throws SQLException {
        try (var update = connection.prepareStatement("""
                UPDATE integrations.integrations SET webhook_event_at = ?, webhook_event_digest = ?,
                    observed_at = GREATEST(observed_at, ?), version = version + 1
                WHERE instance_name = ? AND status <> 'deleting'""")) {
            update.setTimestamp(1, Timestamp.from(evolutionTime));
            update.setString(2, digest);
            update.setTimestamp(3, Timestamp.from(observedAt));
            update.setString(4, instanceName);
            update.executeUpdate();
        }
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
