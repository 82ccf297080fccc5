package whatsapp.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.SeedInstance;

/**
 * Seeds N integrations (bulk SQL) and their N instances (simulator), a day old, mostly connected. Every row is seeded as
 * just probed (the rolling liveness probe, on in the benchmark, leaves it alone until a section asks for probing) and
 * with the webhook secret {@link #SECRET}, so that a section can send webhooks for any of them.
 */
final class Fleet {

    static final String PREFIX = "clinic-bench-";
    static final String SECRET = "bench-webhook-secret";

    final String jdbcUrl;
    final EvolutionSimulator evolution;

    Fleet(String jdbcUrl, EvolutionSimulator evolution) {
        this.jdbcUrl = jdbcUrl;
        this.evolution = evolution;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    void clear() throws SQLException {
        evolution.reset();
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("TRUNCATE integrations.integrations, integrations.provisioning_claims, integrations.outbox,"
                    + " integrations.audit_log, integrations.status_history, integrations.idempotency_keys CASCADE");
        }
    }

    static String name(int i) {
        return PREFIX + "org-" + i + "-1763224272772";
    }

    /** Every tenth instance is closed (device removed), every twentieth connecting; the rows say connected. */
    void seed(int size) throws SQLException {
        seed(size, false);
    }

    /** @param allOpen every instance open (as its row says): a liveness probe finds each alive */
    void seed(int size, boolean allOpen) throws SQLException {
        clear();
        Instant dayAgo = Instant.now().minus(1, ChronoUnit.DAYS);
        try (var connection = connect(); var insert = connection.prepareStatement("""
                INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, phone_number,
                    connected_at, created_at, updated_at, status_changed_at, probed_at, webhook_secret_hash)
                SELECT gen_random_uuid(), 'bench-org-' || i, ? || 'org-' || i || '-1763224272772', 'connected', true,
                       (5511900000000 + i)::text, now() - interval '1 day', now() - interval '1 day', now() - interval '1 day',
                       now() - interval '1 day', now(), encode(sha256(convert_to(?, 'UTF8')), 'hex')
                FROM generate_series(0, ? - 1) AS i""")) {
            insert.setString(1, PREFIX);
            insert.setString(2, SECRET);
            insert.setInt(3, size);
            insert.executeUpdate();
        }
        List<SeedInstance> instances = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String status = allOpen ? "open" : i % 10 == 0 ? "close" : i % 20 == 5 ? "connecting" : "open";
            var seed = SeedInstance.named(name(i)).status(status).ownerJid((5511900000000L + i) + "@s.whatsapp.net")
                    .createdAt(dayAgo);
            if (status.equals("close")) {
                seed = seed.disconnection(401, DEVICE_REMOVED, dayAgo.plusSeconds(60));
            }
            instances.add(seed);
        }
        evolution.seed(instances);
    }

    static final String DEVICE_REMOVED = "{\"error\":{\"data\":{\"tag\":\"stream:error\",\"attrs\":{\"code\":\"401\"},"
            + "\"content\":[{\"tag\":\"conflict\",\"attrs\":{\"type\":\"device_removed\"}}]},\"isBoom\":true,\"isServer\":false,"
            + "\"output\":{\"statusCode\":401,\"payload\":{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Stream Errored (conflict)\"},\"headers\":{}}},\"date\":\"2025-11-16T08:14:27.905Z\"}";

    /** Every connected row due a probe now (never probed): the rolling probe starts on them at its next tick. */
    void probeAllNow() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("UPDATE integrations.integrations SET probed_at = NULL");
        }
    }

    /** Every row just probed: the rolling probe finds nothing due for a period. */
    void probedNow() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("UPDATE integrations.integrations SET probed_at = now()");
        }
    }

    /** Rows back to "connected" so the next sweep has the same work to do. */
    void resetStatuses() throws SQLException {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("UPDATE integrations.integrations SET status = 'connected', disconnect_reason = NULL");
        }
    }
}
