package whatsapp.maintenance.heal.control;

import jakarta.ejb.Stateless;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import whatsapp.infrastructure.sql.WhatsAppDataSource;

/** Restarts the auto-heal attempted ({@code maintenance.restart_attempts}), counted per instance and hour. */
@Stateless
public class RestartAttempts {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    public Map<String, Integer> since(Collection<String> instanceNames, Instant since) {
        if (instanceNames.isEmpty()) return Map.of();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement("""
                SELECT instance_name, count(*) FROM maintenance.restart_attempts
                WHERE instance_name = ANY (?) AND at >= ? GROUP BY instance_name""")) {
            query.setArray(1, connection.createArrayOf("text", instanceNames.toArray()));
            query.setTimestamp(2, Timestamp.from(since));
            var counts = new HashMap<String, Integer>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) counts.put(rows.getString(1), rows.getInt(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading restart attempts failed: " + e.getSQLState(), e);
        }
    }

    /** Written before the restart is asked for: an attempt counts even when Evolution never answers. */
    public void record(String instanceName, Instant at, String outcome) {
        update("INSERT INTO maintenance.restart_attempts (instance_name, at, outcome) VALUES (?, ?, ?)",
                instanceName, Timestamp.from(at), outcome);
    }

    /** Housekeeping: only the last hour counts. */
    public void forgetBefore(Instant before) {
        update("DELETE FROM maintenance.restart_attempts WHERE at < ?", Timestamp.from(before));
    }

    void update(String sql, Object... parameters) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a restart attempt failed: " + e.getSQLState(), e);
        }
    }
}
