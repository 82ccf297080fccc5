package whatsapp.maintenance.alerts.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** When an alert last named each instance ({@code maintenance.alert_stamps}): cooldowns survive restarts and nodes. */
@Stateless
public class AlertStamps {

    @Resource(lookup = "java:jboss/datasources/WhatsAppDS")
    DataSource dataSource;

    public Map<String, Instant> lastSent(Collection<String> instanceNames) {
        if (instanceNames.isEmpty()) return Map.of();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT instance_name, last_sent_at FROM maintenance.alert_stamps WHERE instance_name = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", instanceNames.toArray()));
            var stamps = new HashMap<String, Instant>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) stamps.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
            return stamps;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading alert stamps failed: " + e.getSQLState(), e);
        }
    }

    public void stamp(Collection<String> instanceNames, String kind, Instant at) {
        try (var connection = dataSource.getConnection(); var upsert = connection.prepareStatement("""
                INSERT INTO maintenance.alert_stamps (instance_name, last_sent_at, kind) VALUES (?, ?, ?)
                ON CONFLICT (instance_name) DO UPDATE SET last_sent_at = excluded.last_sent_at, kind = excluded.kind""")) {
            for (var name : instanceNames) {
                upsert.setString(1, name);
                upsert.setTimestamp(2, Timestamp.from(at));
                upsert.setString(3, kind);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording alert stamps failed: " + e.getSQLState(), e);
        }
    }
}
