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
}
