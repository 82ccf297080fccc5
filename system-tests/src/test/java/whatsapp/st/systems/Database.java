package whatsapp.st.systems;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Direct access to the stack's PostgreSQL for fixtures and for checking what changed. */
public final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Stack.get().jdbcUrl(), "postgres", "postgres");
    }

    /** An enabled WhatsApp integration row, as if created earlier. */
    public static UUID insertIntegration(String organizationId, String instanceName, String status) {
        UUID id = UUID.randomUUID();
        try (var connection = connect(); var insert = connection.prepareStatement("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, true, ?, ?)""")) {
            var now = Timestamp.from(Instant.now());
            insert.setObject(1, id);
            insert.setString(2, organizationId);
            insert.setString(3, instanceName);
            insert.setString(4, status);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... parameters) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) query.setObject(i + 1, parameters[i]);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A creation claim whose request vanished (lease expired), as a crash after Evolution's create leaves it. */
    public static void insertExpiredClaim(String organizationId, String instanceName, String secretHash) {
        update("""
                INSERT INTO integrations.provisioning_claims
                    (organization_id, instance_name, webhook_secret_hash, claimed_by, claimed_until, created_at)
                VALUES (?, ?, ?, 'crashed-request', now() - interval '1 minute', now() - interval '2 minutes')""",
                organizationId, instanceName, secretHash);
    }

    public static int update(String sql, Object... parameters) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... parameters) {
        try (var connection = connect(); var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) query.setObject(i + 1, parameters[i]);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long integrationsOf(String organizationId) {
        return count("SELECT count(*) FROM integrations.integrations WHERE organization_id = ?", organizationId);
    }
}
