package whatsapp.maintenance.windows.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import whatsapp.maintenance.jdbc.control.Jdbc;
import whatsapp.maintenance.jdbc.control.Jdbc.Binder;
import whatsapp.maintenance.jdbc.control.Jdbc.Reader;
import whatsapp.maintenance.windows.entity.Window;
import whatsapp.maintenance.windows.entity.WindowSummary;
import whatsapp.web.json.JsonContract;

/**
 * The {@code maintenance.windows} table, in plain JDBC on the caller's transaction. Every time is the database's
 * ({@code now()}), so that the nodes of a cluster agree on what is on and what is due. A step (the snapshot at the
 * start, the comparison at the end) is claimed by one node for a lease and committed only by its claimant.
 */
@ApplicationScoped
public class WindowBook {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    static final String STATE = """
            CASE WHEN summarized_at IS NOT NULL AND snapshot_at IS NULL AND summary IS NULL THEN 'cancelled'
                 WHEN summarized_at IS NOT NULL THEN 'ended'
                 WHEN ended_at IS NOT NULL OR ends_at <= now() THEN 'ending'
                 WHEN starts_at > now() THEN 'scheduled' ELSE 'active' END""";

    static final String VIEW = "SELECT id, " + STATE + ", starts_at, ends_at, reason, servers, created_by, created_at, "
            + "ended_at, ended_by, snapshot_at, summarized_at, alert_id, summary FROM maintenance.windows";

    public void insert(UUID id, Instant startsAt, Instant endsAt, String reason, List<String> servers, String actor) {
        update("""
                INSERT INTO maintenance.windows (id, starts_at, ends_at, reason, servers, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, now())""", (connection, statement) -> {
            statement.setObject(1, id);
            statement.setTimestamp(2, Timestamp.from(startsAt));
            statement.setTimestamp(3, Timestamp.from(endsAt));
            statement.setString(4, reason);
            statement.setArray(5, servers == null ? null : connection.createArrayOf("text", servers.toArray()));
            statement.setString(6, actor);
        });
    }

    /** The windows not yet over and compared, and those that ended within {@code recent}; newest start first. */
    public List<Window> list(Duration recent, int limit) {
        return select(VIEW + """
                 WHERE summarized_at IS NULL OR coalesce(ended_at, ends_at) > now() - make_interval(secs => ?)
                ORDER BY starts_at DESC, id LIMIT ?""", (connection, statement) -> {
            statement.setDouble(1, recent.toSeconds());
            statement.setInt(2, limit);
        }, WindowBook::windows);
    }

    public Optional<Window> find(UUID id) {
        return select(VIEW + " WHERE id = ?", (connection, statement) -> statement.setObject(1, id), WindowBook::windows)
                .stream().findFirst();
    }

    /**
     * Ends a window that is on (or cancels one that has not started: nothing to compare, so it is summarized at once
     * with no summary). @return whether this call ended it
     */
    public boolean end(UUID id, String actor) {
        return update("""
                UPDATE maintenance.windows SET ended_at = now(), ended_by = ?,
                    summarized_at = CASE WHEN starts_at > now() THEN now() END
                WHERE id = ? AND ended_at IS NULL AND summarized_at IS NULL AND ends_at > now()""", (connection, statement) -> {
            statement.setString(1, actor);
            statement.setObject(2, id);
        }) == 1;
    }

    /** Windows whose start is due and not recorded yet, and nobody works on. */
    public List<UUID> startsDue() {
        return ids("SELECT id FROM maintenance.windows WHERE " + START_DUE + " AND " + UNCLAIMED + " ORDER BY starts_at LIMIT 20");
    }

    /** Windows over and not compared yet, and nobody works on. */
    public List<UUID> endsDue() {
        return ids("SELECT id FROM maintenance.windows WHERE " + END_DUE + " AND " + UNCLAIMED + " ORDER BY ends_at LIMIT 20");
    }

    static final String START_DUE = "summarized_at IS NULL AND snapshot_at IS NULL AND ended_at IS NULL AND starts_at <= now() AND ends_at > now()";
    static final String END_DUE = "summarized_at IS NULL AND (ended_at IS NOT NULL OR ends_at <= now())";
    static final String UNCLAIMED = "(claim_until IS NULL OR claim_until < now())";

    /** @return whether {@code holder} now holds the window's start step for {@code lease} */
    public boolean claimStart(UUID id, UUID holder, Duration lease) {
        return claim(id, holder, lease, START_DUE);
    }

    /** @return whether {@code holder} now holds the window's end step for {@code lease} */
    public boolean claimEnd(UUID id, UUID holder, Duration lease) {
        return claim(id, holder, lease, END_DUE);
    }

    boolean claim(UUID id, UUID holder, Duration lease, String due) {
        return update("UPDATE maintenance.windows SET claimed_by = ?, claim_until = now() + make_interval(secs => ?) WHERE id = ? AND "
                + due + " AND " + UNCLAIMED, (connection, statement) -> {
            statement.setObject(1, holder);
            statement.setDouble(2, lease.toSeconds());
            statement.setObject(3, id);
        }) == 1;
    }

    /** The start recorded, if {@code holder} still holds the step. @return whether it was */
    public boolean snapshot(UUID id, UUID holder, String snapshot) {
        return update("""
                UPDATE maintenance.windows SET snapshot = ?, snapshot_at = now(), claimed_by = NULL, claim_until = NULL
                WHERE id = ? AND claimed_by = ? AND snapshot_at IS NULL""", (connection, statement) -> {
            statement.setString(1, snapshot);
            statement.setObject(2, id);
            statement.setObject(3, holder);
        }) == 1;
    }

    public Optional<String> snapshotOf(UUID id) {
        return select("SELECT snapshot FROM maintenance.windows WHERE id = ?", (connection, statement) -> statement.setObject(1, id),
                rows -> rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty());
    }

    /**
     * The end recorded with its summary and alert (the alert by its subject), if {@code holder} still holds the step
     * and nobody recorded it before: exactly once. @return whether it was
     */
    public boolean finish(UUID id, UUID holder, WindowSummary summary, String alertSubject) {
        return update("""
                UPDATE maintenance.windows SET summary = ?, summarized_at = now(), ended_at = coalesce(ended_at, ends_at),
                    claimed_by = NULL, claim_until = NULL,
                    alert_id = (SELECT a.id FROM maintenance.alerts a WHERE a.subject = ? ORDER BY a.raised_at DESC LIMIT 1)
                WHERE id = ? AND claimed_by = ? AND summarized_at IS NULL""", (connection, statement) -> {
            statement.setString(1, JsonContract.toJson(summary));
            statement.setString(2, alertSubject);
            statement.setObject(3, id);
            statement.setObject(4, holder);
        }) == 1;
    }

    static List<Window> windows(ResultSet rows) throws SQLException {
        var windows = new ArrayList<Window>();
        while (rows.next()) {
            var servers = rows.getArray(6);
            windows.add(new Window(rows.getObject(1, UUID.class), rows.getString(2), instant(rows, 3), instant(rows, 4),
                    rows.getString(5), servers == null ? null : List.of((String[]) servers.getArray()), rows.getString(7),
                    instant(rows, 8), instant(rows, 9), rows.getString(10), instant(rows, 11), instant(rows, 12),
                    rows.getObject(13, UUID.class), summary(rows.getString(14))));
        }
        return windows;
    }

    static WindowSummary summary(String json) {
        if (json == null) return null;
        JsonObject object = JSON.createReader(new StringReader(json)).readObject();
        var counts = object.getJsonObject("counts");
        return new WindowSummary(object.getInt("compared"), new WindowSummary.Counts(counts.getInt("gone"),
                counts.getInt("recreated"), counts.getInt("disconnected"), counts.getInt("webhook_lost")), names(object, "gone"), names(object, "recreated"),
                names(object, "disconnected"), names(object, "webhook_lost"), names(object, "not_compared"),
                object.getInt("webhooks_unchecked", 0), object.getString("detail", null));
    }

    static List<String> names(JsonObject object, String key) {
        var array = object.getJsonArray(key);
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        var at = rows.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    List<UUID> ids(String sql) {
        return select(sql, (connection, statement) -> { }, rows -> {
            var ids = new ArrayList<UUID>();
            while (rows.next()) ids.add(rows.getObject(1, UUID.class));
            return ids;
        });
    }

    <T> T select(String sql, Binder binder, Reader<T> reader) {
        return Jdbc.select(dataSource, "Reading maintenance windows", sql, binder, reader);
    }

    int update(String sql, Binder binder) {
        return Jdbc.update(dataSource, "Writing maintenance windows", sql, binder);
    }
}
