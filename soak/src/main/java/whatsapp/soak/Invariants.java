package whatsapp.soak;

import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.InstanceView;

/**
 * The invariants that need PostgreSQL, Evolution (the simulators, in process) or Redis: checked every few seconds
 * while the soak runs ({@link #continuous()}) and once more at the end ({@link #atEnd}).
 */
final class Invariants {

    static final Pattern INSTANCE = Pattern.compile("clinic-(.+)-\\d+");

    record Row(String id, String organization, String instanceName, String status, boolean enabled) {
    }

    final String jdbcUrl;
    final Stats stats;
    final Map<String, EvolutionSimulator> fleet;
    /** Every instance name ever seen in Evolution: a row whose instance vanished must have had one. */
    final Set<String> everSeen = new HashSet<>();
    final Set<String> reportedWrongDeletions = new HashSet<>();
    final Set<String> reportedDoubles = new HashSet<>();

    Invariants(String jdbcUrl, Stats stats, Map<String, EvolutionSimulator> fleet) {
        this.jdbcUrl = jdbcUrl;
        this.stats = stats;
        this.fleet = fleet;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    Map<String, Row> rows(Connection connection) throws SQLException {
        var rows = new HashMap<String, Row>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT id, organization_id, instance_name, status, enabled FROM integrations.integrations")) {
            while (result.next()) {
                var row = new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4), result.getBoolean(5));
                rows.put(row.instanceName(), row);
            }
        }
        return rows;
    }

    Map<String, InstanceView> instances() {
        var all = new HashMap<String, InstanceView>();
        for (var simulator : fleet.values()) for (var instance : simulator.instances()) all.put(instance.name(), instance);
        return all;
    }

    /** One round of the checks that hold at every instant. False when the database could not be read (a fault). */
    synchronized boolean continuous() {
        try (var connection = connect()) {
            var before = rows(connection);
            var instances = instances();
            var after = rows(connection);
            enabledRows(connection);
            wrongDeletions(before, instances, after);
            twoLiveInstances(instances, after);
            everSeen.addAll(instances.keySet());
            return true;
        } catch (SQLException e) {
            stats.count("invariant checks skipped: database unreachable");
            return false;
        }
    }

    void enabledRows(Connection connection) throws SQLException {
        var invariant = stats.invariant("never two enabled rows for one organization");
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT organization_id, count(*) FROM integrations.integrations WHERE enabled
                     GROUP BY organization_id HAVING count(*) > 1""")) {
            invariant.checked(1);
            while (result.next()) {
                if (reportedDoubles.add("rows " + result.getString(1)))
                    invariant.violated(result.getString(1) + " has " + result.getInt(2) + " enabled rows");
            }
        }
    }

    /**
     * A row that was live (not {@code deleting}) before and after the listing of Evolution, whose instance Evolution
     * once had and no longer has: somebody deleted the instance of a live row. A DELETE marks the row deleting first,
     * and nothing in the soak deletes instances behind the service's back.
     */
    void wrongDeletions(Map<String, Row> before, Map<String, InstanceView> instances, Map<String, Row> after) {
        var invariant = stats.invariant("no instance deleted that had a live row");
        for (var row : after.values()) {
            var earlier = before.get(row.instanceName());
            if (earlier == null || !earlier.id().equals(row.id()) || "deleting".equals(row.status())
                    || "deleting".equals(earlier.status())) continue;
            invariant.checked(1);
            if (everSeen.contains(row.instanceName()) && !instances.containsKey(row.instanceName())
                    && reportedWrongDeletions.add(row.instanceName()))
                invariant.violated(row.instanceName() + " (" + row.status() + ", enabled " + row.enabled()
                        + ") is gone from Evolution while its row is live");
        }
    }

    /** Two instances of one organization that both have a row: two live instances (an extra one without a row is an orphan). */
    void twoLiveInstances(Map<String, InstanceView> instances, Map<String, Row> rows) {
        var invariant = stats.invariant("never two live instances for one organization");
        var byOrg = new HashMap<String, List<String>>();
        for (var name : instances.keySet()) {
            var matcher = INSTANCE.matcher(name);
            if (matcher.matches()) byOrg.computeIfAbsent(matcher.group(1), k -> new java.util.ArrayList<>()).add(name);
        }
        invariant.checked(byOrg.size());
        for (var entry : byOrg.entrySet()) {
            if (entry.getValue().size() < 2) continue;
            stats.count("observations: an organization with more than one instance in Evolution (orphan or live)");
            var live = entry.getValue().stream().filter(rows::containsKey).toList();
            if (live.size() > 1 && reportedDoubles.add("instances " + String.join(",", live)))
                invariant.violated(entry.getKey() + " has " + live.size() + " instances with rows: " + live);
        }
    }

    /**
     * The checks after the settle (faults cleared, load stopped, a cleanup and a sweep run since): no orphan older
     * than the grace period, the cache as the rows say, every run closed.
     */
    void atEnd(String redisUrl, Duration grace, Duration runPeriod) throws Exception {
        continuous();
        try (var connection = connect()) {
            var rows = rows(connection);
            var instances = instances();
            var orphans = stats.invariant("no orphan older than the grace period at the end");
            Instant limit = Instant.now().minus(grace).minus(runPeriod.multipliedBy(2));
            for (var instance : instances.values()) {
                if (!INSTANCE.matcher(instance.name()).matches()) continue;
                orphans.checked(1);
                if (!rows.containsKey(instance.name()) && instance.createdAt() != null && instance.createdAt().isBefore(limit))
                    orphans.violated(instance.name() + " created " + instance.createdAt() + " has no row");
            }
            cache(redisUrl, rows);
            var runs = stats.invariant("every run row closed");
            try (var statement = connection.createStatement();
                 var result = statement.executeQuery("""
                         SELECT type, triggered_by, started_at, (started_at < now() - interval '2 minutes') FROM maintenance.runs
                         WHERE outcome = 'running'""")) {
                try (var count = connection.createStatement().executeQuery("SELECT count(*) FROM maintenance.runs")) {
                    count.next();
                    runs.checked(count.getLong(1));
                    stats.add("maintenance runs recorded", count.getLong(1));
                }
                while (result.next()) {
                    if (result.getBoolean(4))
                        runs.violated(result.getString(1) + " run of " + result.getString(2) + " started " + result.getString(3) + " still running");
                }
            }
            try (var result = connection.createStatement().executeQuery(
                    "SELECT outcome, count(*) FROM maintenance.runs GROUP BY outcome ORDER BY outcome")) {
                while (result.next()) stats.add("maintenance runs " + result.getString(1), result.getLong(2));
            }
            try (var result = connection.createStatement().executeQuery(
                    "SELECT status, count(*) FROM integrations.integrations GROUP BY status ORDER BY status")) {
                while (result.next()) stats.add("rows at the end: " + result.getString(1), result.getLong(2));
            }
        }
    }

    void cache(String redisUrl, Map<String, Row> rows) {
        var invariant = stats.invariant("cache agrees with the database at the end");
        var config = new org.redisson.config.Config();
        config.setCodec(org.redisson.client.codec.StringCodec.INSTANCE);
        config.useSingleServer().setAddress(redisUrl);
        var client = org.redisson.Redisson.create(config);
        try {
            var entries = new HashMap<String, String>();
            for (var key : client.getKeys().getKeysByPattern("whatsapp:instance:*")) {
                Object value = client.getBucket(key).get();
                if (value != null) entries.put(key.substring("whatsapp:instance:".length()), value.toString());
            }
            for (var entry : entries.entrySet()) {
                invariant.checked(1);
                var row = rows.get(entry.getKey());
                var cached = Json.createReader(new StringReader(entry.getValue())).readObject();
                if (row == null || "deleting".equals(row.status()))
                    invariant.violated("cache entry for " + entry.getKey() + " whose row is " + (row == null ? "gone" : "deleting"));
                else if (!cached.getString("status").equalsIgnoreCase(row.status()) || cached.getBoolean("enabled") != row.enabled())
                    invariant.violated(entry.getKey() + " cached " + entry.getValue() + " but the row is " + row.status() + ", enabled " + row.enabled());
            }
            for (var row : rows.values()) {
                if (!row.enabled() || entries.containsKey(row.instanceName())) continue;
                invariant.checked(1);
                invariant.violated("enabled row " + row.instanceName() + " (" + row.status() + ") has no cache entry");
            }
            stats.add("cache entries at the end", entries.size());
        } finally {
            client.shutdown();
        }
    }
}
