package whatsapp.integrations.status.boundary;

import jakarta.ejb.Stateless;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import whatsapp.infrastructure.sql.WhatsAppDataSource;
import whatsapp.integrations.api.ProbeRecorded;
import whatsapp.integrations.api.ProbeTarget;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.status.control.StatusRows;

/**
 * The liveness probe's rows: which connected instances are due, a cluster-wide lease per probe (the row: never two
 * probes of one instance at once), and what a probe found (a zombie: {@code probe_failed_at}, {@code probe_answer},
 * a history entry with source {@code probe}). Each method one short transaction; none is open while Evolution is
 * probed.
 */
@Stateless
public class Probes {

    static final int ANSWER_LENGTH = 200;

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    public List<String> due(Duration period, int limit) {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                SELECT instance_name FROM integrations.integrations
                WHERE status = 'connected' AND enabled
                  AND (probed_at IS NULL OR probed_at <= now() - make_interval(secs => ?))
                  AND (probe_lease_until IS NULL OR probe_lease_until < now())
                ORDER BY probed_at NULLS FIRST LIMIT ?""")) {
            query.setDouble(1, period.toMillis() / 1000.0);
            query.setInt(2, Math.max(0, limit));
            var names = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the probes due failed: " + e.getSQLState(), e);
        }
    }

    public Optional<ProbeTarget> lease(String instanceName, Duration period, Duration lease) {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE integrations.integrations SET probe_lease_until = now() + make_interval(secs => ?), probed_at = now()
                WHERE instance_name = ? AND status = 'connected' AND enabled
                  AND (probed_at IS NULL OR probed_at <= now() - make_interval(secs => ?))
                  AND (probe_lease_until IS NULL OR probe_lease_until < now())
                RETURNING instance_name, organization_id, evolution_server, disconnect_reason""")) {
            update.setDouble(1, lease.toMillis() / 1000.0);
            update.setString(2, instanceName);
            update.setDouble(3, period.toMillis() / 1000.0);
            try (var rows = update.executeQuery()) {
                return rows.next() ? Optional.of(new ProbeTarget(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Leasing a probe failed: " + e.getSQLState(), e);
        }
    }

    public ProbeRecorded record(String instanceName, boolean dead, String answer, Instant at) {
        var text = answer == null ? null : answer.length() > ANSWER_LENGTH ? answer.substring(0, ANSWER_LENGTH) : answer;
        try (var connection = dataSource.getConnection()) {
            UUID id;
            String organization;
            Status status;
            Instant failedAt;
            try (var lock = connection.prepareStatement("""
                    SELECT id, organization_id, status, probe_failed_at FROM integrations.integrations
                    WHERE instance_name = ? AND status <> 'deleting' FOR UPDATE""")) {
                lock.setString(1, instanceName);
                try (var rows = lock.executeQuery()) {
                    if (!rows.next()) return new ProbeRecorded(ProbeRecorded.Change.NOT_CONNECTED, null);
                    id = rows.getObject(1, UUID.class);
                    organization = rows.getString(2);
                    status = Status.of(rows.getString(3));
                    var failed = rows.getTimestamp(4);
                    failedAt = failed == null ? null : failed.toInstant();
                }
            }
            if (status != Status.connected) {
                set(connection, id, null, null);
                return new ProbeRecorded(ProbeRecorded.Change.NOT_CONNECTED, null);
            }
            if (dead) {
                if (failedAt != null) {
                    set(connection, id, failedAt, text);
                    return new ProbeRecorded(ProbeRecorded.Change.STILL_ZOMBIE, failedAt);
                }
                var since = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                set(connection, id, since, text);
                StatusRows.recordHistory(connection, List.of(new StatusChange(instanceName, organization, id,
                        Status.connected, Status.connected, reason("zombie: " + text), since, Source.probe)));
                return new ProbeRecorded(ProbeRecorded.Change.BECAME_ZOMBIE, since);
            }
            set(connection, id, null, null);
            if (failedAt == null) return new ProbeRecorded(ProbeRecorded.Change.ALIVE, null);
            StatusRows.recordHistory(connection, List.of(new StatusChange(instanceName, organization, id,
                    Status.connected, Status.connected, "probe answered again", at, Source.probe)));
            return new ProbeRecorded(ProbeRecorded.Change.ALIVE_AGAIN, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a probe failed: " + e.getSQLState(), e);
        }
    }

    public long zombies() {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                SELECT count(*) FROM integrations.integrations
                WHERE probe_failed_at IS NOT NULL AND status = 'connected' AND enabled""");
             var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting zombies failed: " + e.getSQLState(), e);
        }
    }

    static void set(java.sql.Connection connection, UUID id, Instant failedAt, String answer) throws SQLException {
        try (var update = connection.prepareStatement("""
                UPDATE integrations.integrations SET probe_lease_until = NULL, probe_failed_at = ?, probe_answer = ?
                WHERE id = ?""")) {
            update.setTimestamp(1, failedAt == null ? null : Timestamp.from(failedAt));
            update.setString(2, answer);
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    /** status_history.reason is varchar(128). */
    static String reason(String text) {
        return text.length() > 128 ? text.substring(0, 128) : text;
    }
}
