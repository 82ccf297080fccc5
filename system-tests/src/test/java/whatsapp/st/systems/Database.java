package whatsapp.st.systems;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one place the system tests touch PostgreSQL. Everything else is seeded through the HTTP API and the
 * simulator's admin API, and observed through the API, {@code /audit}, {@code /runs}, {@code /metrics} and
 * Redis. What is left here is of two kinds, and each method says why no API can take its place:
 * <ul>
 *     <li>fixtures that need time travel or a crash: rows older than the orphan grace period, statuses recorded
 *     hours or days ago, a crashed creation's claim. The service stamps every row, claim and change with its
 *     own clock, so no request can produce an instant in the past;</li>
 *     <li>database invariants that the API does not show by design: how a webhook secret is stored, that a
 *     creation leaves no claim behind, that an event waits in the outbox, what is recorded while the server
 *     is down.</li>
 * </ul>
 */
public final class Database {

    private Database() {
    }

    // ---- fixtures: time travel and crashes -------------------------------------------------------------------

    /**
     * An enabled, connected row created at {@code created}, with no instance behind it unless the test seeds one.
     * Time travel: the orphan guards spare rows younger than the grace period (10 minutes), and a row created
     * through the API is always created now.
     */
    public static UUID integrationCreatedAt(String organizationId, String instanceName, Instant created) {
        var id = UUID.randomUUID();
        update("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, created_at, updated_at)
                VALUES (?, ?, ?, 'connected', true, ?, ?)""", id, organizationId, instanceName, ts(created), ts(created));
        return id;
    }

    /**
     * An enabled row created two hours ago, recorded in {@code status} since {@code statusChangedAt}, with no
     * status history. Time travel: the service stamps connected_at and status_changed_at with the moment it
     * observes a change (a creation sets them to now and webhooks dated earlier are ignored), and every change it
     * records goes into the history. Rows whose status may be recorded now are made through the API and the
     * simulator's webhooks instead (the maintenance tests' {@code Health.paired}).
     *
     * @param connectedAt null: never paired
     */
    public static UUID integrationRecorded(String organizationId, String instanceName, String status, String phone,
                                           Instant connectedAt, Instant statusChangedAt) {
        var id = UUID.randomUUID();
        var created = Instant.now().minusSeconds(2 * 3600);
        update("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, phone_number,
                    connected_at, created_at, updated_at, status_changed_at)
                VALUES (?, ?, ?, ?, true, ?, ?, ?, ?, ?)""",
                id, organizationId, instanceName, status, phone, ts(connectedAt), ts(created),
                ts(statusChangedAt), ts(statusChangedAt));
        return id;
    }

    /**
     * {@code size} enabled, connected rows named {@code clinic-<prefix>-<g>-<millis>} for organizations
     * {@code <prefix>-<g>}, created three hours ago; with {@code paired} each has number 55119(10000000 + g).
     * Time travel (see {@link #integrationCreatedAt}) at a scale no sequence of requests sets up in seconds.
     */
    public static void fleetCreatedHoursAgo(String prefix, int size, long millis, boolean paired) {
        update("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, phone_number,
                    connected_at, created_at, updated_at, status_changed_at)
                SELECT gen_random_uuid(), CAST(? AS text) || '-' || g, 'clinic-' || CAST(? AS text) || '-' || g || '-' || CAST(? AS text),
                    'connected', true, CASE WHEN CAST(? AS boolean) THEN '55119' || (10000000 + g) END,
                    CASE WHEN CAST(? AS boolean) THEN now() - interval '3 hours' END, now() - interval '3 hours',
                    now() - interval '3 hours', now() - interval '3 hours'
                FROM generate_series(1, CAST(? AS integer)) g""", prefix, prefix, Long.toString(millis), paired, paired, size);
    }

    /**
     * Removes the rows {@link #fleetCreatedHoursAgo} inserted: what SQL put in, SQL takes out, since deleting
     * 10,000 integrations one request at a time would take the suite minutes.
     */
    public static void removeFleet(String prefix) {
        update("DELETE FROM integrations.integrations WHERE organization_id LIKE ?", prefix + "-%");
    }

    /**
     * A status change recorded at {@code at}. Time travel: the service records changes at the moment it observes
     * them, so history spanning days cannot be made through webhooks or sweeps.
     */
    public static void statusChangeAt(String instanceName, String organizationId, UUID integrationId, String from,
                                      String to, String reason, String source, Instant at) {
        update("""
                INSERT INTO integrations.status_history (instance_name, organization_id, integration_id, from_status, to_status,
                    reason, source, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                instanceName, organizationId, integrationId, from, to, reason, source, ts(at));
    }

    /**
     * A creation claim whose request vanished (lease expired), as a crash after Evolution's create leaves it.
     * A crash: no request leaves a claim behind, and its lease expires only after the fact.
     */
    public static void expiredClaim(String organizationId, String instanceName, String secretHash) {
        update("""
                INSERT INTO integrations.provisioning_claims
                    (organization_id, instance_name, webhook_secret_hash, claimed_by, claimed_until, created_at)
                VALUES (?, ?, ?, 'crashed-request', now() - interval '1 minute', now() - interval '2 minutes')""",
                organizationId, instanceName, secretHash);
    }

    /**
     * A live creation claim on an instance that Evolution has listed for hours. A create in flight through the
     * API claims a name made from the current time, never that of an instance created earlier.
     */
    public static void liveClaim(String organizationId, String instanceName) {
        update("""
                INSERT INTO integrations.provisioning_claims
                    (organization_id, instance_name, webhook_secret_hash, claimed_by, claimed_until, created_at)
                VALUES (?, ?, 'x', 'test', now(), now())""", organizationId, instanceName);
    }

    /**
     * Marks an event as published {@code days} ago. Time travel: the relay stamps published_at with its own clock, and
     * the retention is days long, so no request makes an event old enough to be pruned within a test.
     */
    public static void publishedDaysAgo(String eventId, int days) {
        update("UPDATE integrations.outbox SET published_at = now() - make_interval(days => ?) WHERE event_id = ?::uuid",
                days, eventId);
    }

    /**
     * Another node taking over the organization's creation claim for {@code seconds} (as a node whose clock runs ahead
     * would): no request can take over a claim that is still live.
     *
     * @return the instance name the claim records
     */
    public static String claimTakenOverByAnotherNode(String organizationId, int seconds) {
        return text("""
                UPDATE integrations.provisioning_claims SET claimed_by = 'another-node',
                    claimed_until = now() + make_interval(secs => ?) WHERE organization_id = ? RETURNING instance_name""",
                seconds, organizationId);
    }

    /**
     * Makes the pending deletions of these organizations due now, all at once. Time travel: a deletion that Evolution's
     * absence interrupted is retried after its backoff, one by one as each became due.
     */
    public static void deletionsDueNow(String organizationPrefix) {
        update("""
                UPDATE integrations.integrations SET next_attempt_at = now()
                WHERE status = 'deleting' AND organization_id LIKE ?""", organizationPrefix + "%");
    }

    /**
     * What a second node's deletion retry does: lease every due deletion of these organizations that no node holds
     * (no lease, or one run out) for {@code seconds}. A second node: the test stack runs one server.
     *
     * @return the ids leased
     */
    public static List<String> leaseDueDeletionsAsAnotherNode(String organizationPrefix, int seconds) {
        return texts("""
                UPDATE integrations.integrations SET attempt_lease_until = now() + make_interval(secs => ?)
                WHERE status = 'deleting' AND organization_id LIKE ? AND next_attempt_at <= now()
                  AND instance_removed_at IS NULL AND (attempt_lease_until IS NULL OR attempt_lease_until < now())
                RETURNING CAST(id AS text)""", seconds, organizationPrefix + "%");
    }

    /** Gives the leases {@link #leaseDueDeletionsAsAnotherNode} took back, as a node that finished would. */
    public static void releaseDeletionLeases(String organizationPrefix) {
        update("""
                UPDATE integrations.integrations SET attempt_lease_until = NULL
                WHERE status = 'deleting' AND organization_id LIKE ?""", organizationPrefix + "%");
    }

    /** Whether the integration row is still there (a deletion in progress is invisible to no API but its 202). */
    public static boolean integrationRowExists(String integrationId) {
        return count("SELECT count(*) FROM integrations.integrations WHERE id = ?::uuid", integrationId) > 0;
    }

    /**
     * Makes an event look written {@code days} ago and never published, as after Redis was away that long. Time
     * travel: the outbox stamps created_at with the server's clock, and the maximum age is a month.
     */
    public static void writtenDaysAgoUnpublished(String eventId, int days) {
        update("""
                UPDATE integrations.outbox SET created_at = now() - make_interval(days => ?), published_at = NULL
                WHERE event_id = ?::uuid""", days, eventId);
    }

    /**
     * The organization's Idempotency-Keys as if stored {@code hours} ago. Time travel: keys are stamped with the
     * server's clock and live a day.
     */
    public static void idempotencyKeysHoursAgo(String organizationId, int hours) {
        update("UPDATE integrations.idempotency_keys SET created_at = now() - make_interval(hours => ?) WHERE organization_id = ?",
                hours, organizationId);
    }

    /**
     * The integration's audit entries of that action as if written {@code minutes} earlier. Time travel: the
     * collapse window of repeated reuses is an hour.
     */
    public static void auditEntriesMinutesEarlier(String integrationId, String action, int minutes) {
        update("""
                UPDATE integrations.audit_log SET at = at - make_interval(mins => ?)
                WHERE integration_id = ?::uuid AND action = ?""", minutes, integrationId, action);
    }

    /**
     * The number's last duplicate report as if made {@code hours} ago. Time travel: the cooldown is a day.
     */
    public static void duplicateNumberReportedHoursAgo(String phoneNumber, int hours) {
        update("""
                UPDATE integrations.duplicate_number_reports SET reported_at = now() - make_interval(hours => ?)
                WHERE phone_number = ?""", hours, phoneNumber);
    }

    /**
     * {@code count} disabled rows of the organization (its integrations of the past), all created at {@code created}:
     * equal timestamps, so a page boundary falls between rows that only their id orders. Time travel and scale: the
     * API makes one enabled row per organization, each created now.
     */
    public static void pastIntegrations(String organizationId, int count, Instant created) {
        update("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, created_at, updated_at)
                SELECT gen_random_uuid(), CAST(? AS varchar), 'clinic-' || CAST(? AS varchar) || '-past-' || gen_random_uuid(),
                    'disconnected', false, ?, ?
                FROM generate_series(1, CAST(? AS integer))""", organizationId, organizationId, ts(created), ts(created), count);
    }

    // ---- database invariants the API does not show ------------------------------------------------------------

    /** The stored webhook secret hash of a row: secrets are at rest only as their SHA-256. */
    public static String webhookSecretHash(String integrationId) {
        return text("SELECT webhook_secret_hash FROM integrations.integrations WHERE id = ?::uuid", integrationId);
    }

    /** Rows whose stored hash is the given text: 0 for a plain secret, since it is never stored as it is. */
    public static long rowsStoring(String secret) {
        return count("SELECT count(*) FROM integrations.integrations WHERE webhook_secret_hash = ?", secret);
    }

    /** Claims of an organization: a finished creation, adopted or not, leaves none behind. */
    public static long claimsOf(String organizationId) {
        return count("SELECT count(*) FROM integrations.provisioning_claims WHERE organization_id = ?", organizationId);
    }

    /** A row's status, read while the server is down and the database is the only witness. */
    public static String statusWhileServerIsDown(String integrationId) {
        return text("SELECT status FROM integrations.integrations WHERE id = ?::uuid", integrationId);
    }

    /**
     * Events of that type naming the instance that wait in the outbox unpublished: while Redis is away, the
     * outbox holds them (the API cannot show what is not published yet).
     */
    public static long unpublishedEvents(String type, String instanceName) {
        return count("SELECT count(*) FROM integrations.outbox WHERE type = ? AND payload LIKE ? AND published_at IS NULL",
                type, "%\"instance_name\":\"" + instanceName + "\"%");
    }

    /** Every unpublished event: 0 once the relay has drained the outbox. */
    public static long unpublishedEvents() {
        return count("SELECT count(*) FROM integrations.outbox WHERE published_at IS NULL");
    }

    /**
     * Events a relay has put in order (sequenced) and not marked published: a batch in some relay's hands. Right
     * after a node died, what it left half done (the API shows events only once published).
     */
    public static long sequencedUnpublishedEvents() {
        return count("SELECT count(*) FROM integrations.outbox WHERE sequence IS NOT NULL AND published_at IS NULL");
    }

    /** The ids of the outbox's events sequenced after {@code sequence}, in sequence order: what the stream must hold. */
    public static List<String> eventIdsSequencedAfter(long sequence) {
        return texts("SELECT event_id::text FROM integrations.outbox WHERE sequence > ? ORDER BY sequence", sequence);
    }

    /** Whether the outbox still holds the event. */
    public static boolean eventExists(String eventId) {
        return count("SELECT count(*) FROM integrations.outbox WHERE event_id = ?::uuid", eventId) > 0;
    }

    /** Idempotency-Keys stored for the organization: pruned ones are gone. */
    public static long idempotencyKeysOf(String organizationId) {
        return count("SELECT count(*) FROM integrations.idempotency_keys WHERE organization_id = ?", organizationId);
    }

    /**
     * The alerts naming this instance as if raised and last noticed a day ago: what a test cannot wait for (the
     * 30-minute cooldown) without another setting for tests.
     */
    public static void alertsOfADayAgo(String instanceName) {
        update("""
                UPDATE maintenance.alerts SET raised_at = raised_at - interval '1 day',
                    last_notice_at = last_notice_at - interval '1 day' WHERE ? = ANY (instance_names)""", instanceName);
    }

    /**
     * The row's status recorded as changed at {@code at}, as a node whose clock runs ahead would have stamped it.
     * Time travel: every node of the test stack shares one clock, so no request can stamp a change in the future.
     */
    public static void statusChangedAt(String integrationId, Instant at) {
        update("UPDATE integrations.integrations SET status_changed_at = ? WHERE id = ?::uuid", ts(at), integrationId);
    }

    // ---- JDBC ----------------------------------------------------------------------------------------------------

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Stack.get().jdbcUrl(), "postgres", "postgres");
    }

    static long count(String sql, Object... parameters) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String sql, Object... parameters) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(String sql, Object... parameters) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            bind(connection, query, parameters);
            try (var rows = query.executeQuery()) {
                var texts = new java.util.ArrayList<String>();
                while (rows.next()) texts.add(rows.getString(1));
                return texts;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(String sql, Object... parameters) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            bind(connection, statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(Connection connection, java.sql.PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            var value = parameters[i];
            if (value instanceof String[] texts) statement.setArray(i + 1, connection.createArrayOf("text", texts));
            else statement.setObject(i + 1, value);
        }
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
