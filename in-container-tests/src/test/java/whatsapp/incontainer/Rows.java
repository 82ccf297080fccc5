package whatsapp.incontainer;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Integration rows a test seeds and inspects with plain SQL on the application's own datasource,
 * inside the server. Every instance name starts with the test's prefix, and {@link #removeAll()}
 * deletes exactly those rows, their history and their events, so reruns start clean.
 */
final class Rows {

    final DataSource dataSource;
    final String prefix;

    Rows(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.prefix = prefix;
    }

    String name(Object suffix) {
        return prefix + suffix;
    }

    /**
     * {@code count} rows named prefix + 1..count in one statement: odd numbers connected since a day
     * ago with phone 5511000000n, even numbers pending (never paired). One organization per row; rows
     * are an hour old, so observations made now are newer than their status.
     */
    void seedConnectedAndPending(int count) {
        update("""
                INSERT INTO integrations.integrations
                    (id, organization_id, instance_name, status, enabled, phone_number, connected_at,
                     created_at, updated_at, status_changed_at)
                SELECT gen_random_uuid(), ? || 'org-' || n, ? || n,
                       CASE WHEN n % 2 = 1 THEN 'connected' ELSE 'pending' END, true,
                       CASE WHEN n % 2 = 1 THEN '5511' || lpad(n::text, 6, '0') END,
                       CASE WHEN n % 2 = 1 THEN now() - interval '1 day' END,
                       now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour'
                FROM generate_series(1, ?) AS n""", prefix, prefix, count);
    }

    /** One never-paired row, a day old (observations of the last hours are newer than its status); {@code deleting} rows are not enabled, as the schema demands. */
    void seed(String instanceName, String status) {
        update("""
                INSERT INTO integrations.integrations
                    (id, organization_id, instance_name, status, enabled, created_at, updated_at, status_changed_at)
                VALUES (gen_random_uuid(), ?, ?, ?, ?, now() - interval '1 day', now() - interval '1 day',
                        now() - interval '1 day')""",
                "org-" + instanceName, instanceName, status, !"deleting".equals(status));
    }

    String status(String instanceName) {
        return text("SELECT status FROM integrations.integrations WHERE instance_name = ?", instanceName);
    }

    long rowsIn(String status) {
        return count("SELECT count(*) FROM integrations.integrations WHERE starts_with(instance_name, ?) AND status = ?",
                prefix, status);
    }

    long historyRows() {
        return count("SELECT count(*) FROM integrations.status_history WHERE starts_with(instance_name, ?)", prefix);
    }

    long historyRows(String from, String to) {
        return count("""
                SELECT count(*) FROM integrations.status_history
                WHERE starts_with(instance_name, ?) AND from_status = ? AND to_status = ? AND source = 'sweep'""",
                prefix, from, to);
    }

    long statusChangedEvents() {
        return count("""
                SELECT count(*) FROM integrations.outbox
                WHERE type = 'instance.status_changed' AND starts_with(payload::jsonb ->> 'instance_name', ?)""", prefix);
    }

    void removeAll() {
        update("DELETE FROM integrations.status_history WHERE starts_with(instance_name, ?)", prefix);
        update("DELETE FROM integrations.outbox WHERE starts_with(payload::jsonb ->> 'instance_name', ?)", prefix);
        update("DELETE FROM integrations.integrations WHERE starts_with(instance_name, ?)", prefix);
    }

    long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    String text(String sql, Object... parameters) {
        var values = column(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    List<String> column(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            List<String> values = new ArrayList<>();
            try (var result = query.executeQuery()) {
                while (result.next()) values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int update(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(java.sql.PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i] instanceof Instant at ? Timestamp.from(at) : parameters[i];
            statement.setObject(i + 1, value);
        }
    }
}
