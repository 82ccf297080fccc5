package whatsapp.st.maintenance;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * The fleet as the orphan tests arrange it: integration rows straight in PostgreSQL, instances seeded into
 * the Evolution simulator, and the endpoints. Orphan detection looks at the whole fleet, so every test
 * starts from (and leaves) an empty one: other system tests leave rows and instances behind. Audit log,
 * outbox, status history, alert cooldowns and restart attempts are emptied too, so that counted entries,
 * events, alerts and restarts belong to the test at hand.
 */
final class Fleet {

    /** Comfortably older than the 10 minutes of grace the tests run with. */
    static final Instant OLD = Instant.now().minus(Duration.ofHours(2));

    private Fleet() {
    }

    static EvolutionSimulator evolution() {
        return Stack.get().simulator().orElseThrow(() -> new IllegalStateException("the tests need the simulator"));
    }

    static void cleanSlate() {
        evolution().reset();
        execute("TRUNCATE integrations.integrations, integrations.provisioning_claims, integrations.audit_log, "
                + "integrations.outbox, integrations.status_history, maintenance.alert_stamps, maintenance.restart_attempts");
    }

    /** {@code clinic-<org>-<epoch millis>}, as this deployment names its instances. */
    static String name(String organization, Instant created) {
        return "clinic-" + organization + "-" + created.toEpochMilli();
    }

    static SeedInstance instance(String name, Instant created) {
        return SeedInstance.named(name).status("close").createdAt(created);
    }

    static UUID row(String organization, String instanceName, Instant created) {
        var id = UUID.randomUUID();
        try (var connection = connect(); var insert = connection.prepareStatement("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, created_at, updated_at)
                VALUES (?, ?, ?, 'connected', true, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, organization);
            insert.setString(3, instanceName);
            insert.setTimestamp(4, Timestamp.from(created));
            insert.setTimestamp(5, Timestamp.from(created));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An instance and the row that references it, both old: a healthy integration. */
    static UUID healthy(String organization) {
        var name = name(organization, OLD);
        evolution().seed(instance(name, OLD));
        return row(organization, name, OLD);
    }

    static boolean rowExists(UUID id) {
        return Database.count("SELECT COUNT(*) FROM integrations.integrations WHERE id = ?", id) == 1;
    }

    static long audited(String action, String instanceName) {
        return Database.count("SELECT COUNT(*) FROM integrations.audit_log WHERE actor = 'system:cleanup' AND action = ? "
                + "AND instance_name = ?", action, instanceName);
    }

    static long events(String type, String instanceName) {
        return Database.count("SELECT COUNT(*) FROM integrations.outbox WHERE type = ? AND payload LIKE ?",
                type, "%\"instance_name\":\"" + instanceName + "\"%");
    }

    static void execute(String sql) {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Stack.get().jdbcUrl(), "postgres", "postgres");
    }

    static Http.Answer check() {
        return Http.get(Service.maintenance("/orphaned-instances/check"), Service.admin());
    }

    static Http.Answer cleanup() {
        return Http.post(Service.maintenance("/cleanup-orphaned-instances"), Service.admin(), null, "");
    }

    static Http.Answer dryRun() {
        return Http.post(Service.maintenance("/cleanup-orphaned-instances?dry_run=true"), Service.admin(), null, "");
    }

    static JsonObject summary(Http.Answer answer) {
        return answer.json().getJsonObject("cleanup_summary");
    }

    /** The newest cleanup run in the history. */
    static JsonObject latestRun() {
        return Http.get(Service.maintenance("/runs?type=cleanup&limit=1"), Service.admin()).json()
                .getJsonArray("runs").getJsonObject(0);
    }

    /** Puts a key into the stack's Redis (RESP over a socket: no client library needed for two commands). */
    static void redisSet(String key, String value) {
        redis("*3\r\n$3\r\nSET\r\n" + bulk(key) + bulk(value));
    }

    static boolean redisExists(String key) {
        return redis("*2\r\n$6\r\nEXISTS\r\n" + bulk(key)).startsWith(":1");
    }

    static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
    }

    static String redis(String command) {
        var url = URI.create(Stack.get().redisUrl());
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
            var buffer = new byte[256];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
