package whatsapp.maintenance.alerts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
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
import javax.sql.DataSource;
import whatsapp.maintenance.jdbc.control.Jdbc;
import whatsapp.maintenance.jdbc.control.Jdbc.Binder;
import whatsapp.maintenance.jdbc.control.Jdbc.Reader;
import whatsapp.maintenance.alerts.entity.AlertState;
import whatsapp.maintenance.alerts.entity.AlertView;
import whatsapp.maintenance.alerts.entity.Notice;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.alerts.entity.Unresolved;
import whatsapp.infrastructure.sql.WhatsAppDataSource;

/**
 * The {@code maintenance.alerts} and {@code alert_notices} tables, in plain JDBC on the caller's transaction (the
 * datasource is JTA: inside a status change's transaction, these writes commit or roll back with it).
 */
@ApplicationScoped
public class AlertBook {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    /** The unresolved alerts of these subjects, locked until the transaction ends; null: every unresolved alert. */
    public Map<String, Unresolved> unresolved(Collection<String> subjects) {
        return query("SELECT id, subject, type, state, last_notice_at FROM maintenance.alerts WHERE state <> 'resolved'"
                + (subjects == null ? "" : " AND subject = ANY (?)") + " FOR UPDATE", subjects, rows -> {
            var found = new HashMap<String, Unresolved>();
            while (rows.next()) found.put(rows.getString(2), new Unresolved(rows.getObject(1, UUID.class), rows.getString(2),
                    rows.getString(3), AlertState.of(rows.getString(4)), rows.getTimestamp(5).toInstant()));
            return found;
        });
    }

    /** When each subject's newest alert was raised. */
    public Map<String, Instant> lastRaised(Collection<String> subjects) {
        if (subjects.isEmpty()) return Map.of();
        return query("SELECT subject, max(raised_at) FROM maintenance.alerts WHERE subject = ANY (?) GROUP BY subject",
                subjects, rows -> {
                    var found = new HashMap<String, Instant>();
                    while (rows.next()) found.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    return found;
                });
    }

    /**
     * A new open alert, unless its subject has an unresolved one already (another node, another webhook was faster),
     * with a {@code raised} notice when {@code notify}. @return whether it was raised
     */
    public boolean raise(Subject subject, String body, Instant at, boolean notify) {
        var id = UUID.randomUUID();
        int inserted = update("""
                INSERT INTO maintenance.alerts (id, subject, type, organization_id, instance_names, reason, body, state,
                    raised_at, last_notice_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
                ON CONFLICT (subject) WHERE state <> 'resolved' DO NOTHING""", (connection, statement) -> {
            statement.setObject(1, id);
            statement.setString(2, subject.key());
            statement.setString(3, subject.kind());
            statement.setString(4, subject.organizationId());
            statement.setArray(5, connection.createArrayOf("text", subject.instanceNames().toArray()));
            statement.setString(6, subject.detail());
            statement.setString(7, body);
            statement.setTimestamp(8, Timestamp.from(at));
            statement.setTimestamp(9, Timestamp.from(at));
        });
        if (inserted == 1 && notify) notices(List.of(id), Notice.RAISED, at);
        return inserted == 1;
    }

    /** Open alerts repeated: their {@code last_notice_at} moves, a {@code reminder} notice each when {@code notify}. */
    public void remind(List<UUID> alertIds, Instant at, boolean notify) {
        if (alertIds.isEmpty()) return;
        update("UPDATE maintenance.alerts SET last_notice_at = ? WHERE id = ANY (?)", (connection, statement) -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setArray(2, uuids(connection, alertIds));
        });
        if (notify) notices(alertIds, Notice.REMINDER, at);
    }

    /** Resolves the unresolved alerts of these subjects, a {@code resolved} notice each when {@code notify}. */
    public int resolve(Collection<String> subjects, String resolution, Instant at, boolean notify) {
        if (subjects.isEmpty()) return 0;
        List<UUID> resolved = select("""
                UPDATE maintenance.alerts SET state = 'resolved', resolved_at = ?, resolution = ?
                WHERE subject = ANY (?) AND state <> 'resolved' RETURNING id""", (connection, statement) -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, resolution);
            statement.setArray(3, connection.createArrayOf("text", subjects.toArray()));
        }, rows -> {
            var ids = new ArrayList<UUID>();
            while (rows.next()) ids.add(rows.getObject(1, UUID.class));
            return ids;
        });
        if (notify) notices(resolved, Notice.RESOLVED, at);
        return resolved.size();
    }

    void notices(List<UUID> alertIds, String kind, Instant at) {
        if (alertIds.isEmpty()) return;
        update("""
                INSERT INTO maintenance.alert_notices (id, alert_id, notice, created_at, next_attempt_at)
                SELECT gen_random_uuid(), alert_id, ?, ?, ? FROM unnest(?) AS alert_id""", (connection, statement) -> {
            statement.setString(1, kind);
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setTimestamp(3, Timestamp.from(at));
            statement.setArray(4, uuids(connection, alertIds));
        });
    }

    /** The oldest undelivered notices, in the order they were written. */
    public List<Notice> undelivered(int max) {
        return select("""
                SELECT n.id, n.alert_id, a.type, n.notice, n.created_at, n.attempts, n.next_attempt_at, a.body, a.state,
                    a.resolved_at, a.resolution
                FROM maintenance.alert_notices n JOIN maintenance.alerts a ON a.id = n.alert_id
                WHERE n.delivered_at IS NULL ORDER BY n.position LIMIT ?""",
                (connection, statement) -> statement.setInt(1, max), rows -> {
                    var notices = new ArrayList<Notice>();
                    while (rows.next()) notices.add(new Notice(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getString(4), instant(rows, 5), rows.getInt(6), instant(rows, 7),
                            rows.getString(8), AlertState.of(rows.getString(9)), instant(rows, 10), rows.getString(11)));
                    return notices;
                });
    }

    public void delivered(List<Notice> notices, Instant at) {
        update("UPDATE maintenance.alert_notices SET delivered_at = ?, attempts = attempts + 1 WHERE id = ANY (?)",
                (connection, statement) -> {
                    statement.setTimestamp(1, Timestamp.from(at));
                    statement.setArray(2, uuids(connection, notices.stream().map(Notice::id).toList()));
                });
    }

    public void failed(List<Notice> notices, Instant nextAttempt, String failure) {
        update("""
                UPDATE maintenance.alert_notices SET attempts = attempts + 1, next_attempt_at = ?, last_failure = ?
                WHERE id = ANY (?)""", (connection, statement) -> {
            statement.setTimestamp(1, Timestamp.from(nextAttempt));
            statement.setString(2, failure.length() > 200 ? failure.substring(0, 200) : failure);
            statement.setArray(3, uuids(connection, notices.stream().map(Notice::id).toList()));
        });
    }

    /** Newest first; {@code state} null: every state. */
    public List<AlertView> list(AlertState state, int limit) {
        return select(VIEW + " WHERE (CAST(? AS varchar) IS NULL OR a.state = CAST(? AS varchar)) ORDER BY a.raised_at DESC, a.id LIMIT ?",
                (connection, statement) -> {
                    statement.setString(1, state == null ? null : state.name());
                    statement.setString(2, state == null ? null : state.name());
                    statement.setInt(3, limit);
                }, AlertBook::views);
    }

    public Optional<AlertView> find(UUID id) {
        return select(VIEW + " WHERE a.id = ?", (connection, statement) -> statement.setObject(1, id), AlertBook::views)
                .stream().findFirst();
    }

    /** An open alert acknowledged by {@code actor}. @return whether it was open */
    public boolean acknowledge(UUID id, String actor, Instant at) {
        return update("""
                UPDATE maintenance.alerts SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?
                WHERE id = ? AND state = 'open'""", (connection, statement) -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setString(2, actor);
            statement.setObject(3, id);
        }) == 1;
    }

    /** Resolved alerts older than the cutoff, and their notices, deleted. */
    public int prune(Instant cutoff) {
        return update("DELETE FROM maintenance.alerts WHERE state = 'resolved' AND resolved_at < ?",
                (connection, statement) -> statement.setTimestamp(1, Timestamp.from(cutoff)));
    }

    /** The latest moment an alert changed: raised, reminded, acknowledged or resolved (greatest() skips nulls). */
    static final String CHANGED = "greatest(a.raised_at, a.last_notice_at, a.acknowledged_at, a.resolved_at)";

    /** Alerts that changed after {@code since}, oldest change first (by the alerts_changed index): the live stream's feed. */
    public List<AlertView> changedSince(Instant since, int limit) {
        return select(VIEW + " WHERE " + CHANGED + " > ? ORDER BY " + CHANGED + ", a.id LIMIT ?", (connection, statement) -> {
            statement.setTimestamp(1, Timestamp.from(since));
            statement.setInt(2, limit);
        }, AlertBook::views);
    }

    static final String VIEW = """
            SELECT a.id, a.type, a.state, a.instance_names, a.organization_id, a.reason, a.raised_at, a.last_notice_at,
                a.acknowledged_at, a.acknowledged_by, a.resolved_at, a.resolution,
                (SELECT count(*) FROM maintenance.alert_notices n WHERE n.alert_id = a.id AND n.delivered_at IS NULL),
                (SELECT n.last_failure FROM maintenance.alert_notices n WHERE n.alert_id = a.id AND n.delivered_at IS NULL
                    ORDER BY n.position LIMIT 1)
            FROM maintenance.alerts a""";

    static List<AlertView> views(ResultSet rows) throws SQLException {
        var views = new ArrayList<AlertView>();
        while (rows.next()) {
            var names = List.of((String[]) rows.getArray(4).getArray());
            views.add(new AlertView(rows.getObject(1, UUID.class), rows.getString(2), AlertState.of(rows.getString(3)),
                    names.get(0), names, rows.getString(5), rows.getString(6), instant(rows, 7), instant(rows, 8),
                    instant(rows, 9), rows.getString(10), instant(rows, 11), rows.getString(12), rows.getInt(13),
                    rows.getString(14)));
        }
        return views;
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        var at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    /** A query whose one parameter, when {@code subjects} is set, is that text array. */
    <T> T query(String sql, Collection<String> subjects, Reader<T> reader) {
        return select(sql, (connection, statement) -> {
            if (subjects != null) statement.setArray(1, connection.createArrayOf("text", subjects.toArray()));
        }, reader);
    }

    <T> T select(String sql, Binder binder, Reader<T> reader) {
        return Jdbc.select(dataSource, "Reading or writing alerts", sql, binder, reader);
    }

    int update(String sql, Binder binder) {
        return Jdbc.update(dataSource, "Writing alerts", sql, binder);
    }
}
