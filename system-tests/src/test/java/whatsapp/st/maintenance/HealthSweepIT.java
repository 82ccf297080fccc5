package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.name;
import static whatsapp.st.maintenance.Health.NUMBER;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Events;

/** POST /maintenance/health-check: one listing, Evolution's states in our words, one batch, events and cache. */
class HealthSweepIT extends FleetTests {

    static final String DEVICE_REMOVED = "{\"error\":{\"data\":{\"tag\":\"stream:error\",\"attrs\":{\"code\":\"401\"},"
            + "\"content\":[{\"tag\":\"conflict\",\"attrs\":{\"type\":\"device_removed\"}}]},\"isBoom\":true,"
            + "\"output\":{\"statusCode\":401,\"payload\":{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Stream Errored (conflict)\"}}},\"date\":\"2025-11-15T16:40:00.000Z\"}";

    final String open = name("org-open", OLD);
    final String connecting = name("org-connecting", OLD);
    final String closed = name("org-closed", OLD);
    final String quiet = name("org-quiet", OLD);
    final String neverPaired = name("org-pending", OLD);

    String[] fleet() {
        return new String[]{open, connecting, closed, quiet, neverPaired};
    }

    @BeforeEach
    void seed() {
        evolution().seed(
                SeedInstance.named(open).status("open").ownerJid(NUMBER + "@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(connecting).status("connecting").ownerJid("5511888880000@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(closed).status("close").ownerJid("5511777770000@s.whatsapp.net")
                        .disconnection(401, DEVICE_REMOVED, Instant.now().minusSeconds(60)).createdAt(OLD),
                SeedInstance.named(quiet).status("open").ownerJid("5511666660000@s.whatsapp.net").createdAt(OLD),
                SeedInstance.named(neverPaired).status("close").createdAt(OLD));
        // Rows recorded earlier, not made through the API: each status differs from Evolution's as only lost
        // webhooks leave it, and the histories must start empty (the assertions count every change, and pairing
        // through a webhook would record one of its own).
        Health.row("org-open", open, "pending", null, null, OLD);
        Health.row("org-connecting", connecting, "connected", "5511888880000", OLD, OLD);
        Health.row("org-closed", closed, "connected", "5511777770000", OLD, OLD);
        Health.row("org-quiet", quiet, "connected", "5511666660000", OLD, OLD);
        Health.row("org-pending", neverPaired, "pending", null, null, OLD);
        evolution().resetCalls();
    }

    @Test
    void oneListingForTheWholeFleetAndEveryStateInOurWords() {
        var summary = Health.swept();

        assertThat(evolution().calls("fetchInstances")).as("one call for the fleet, none per instance").isOne();
        assertThat(evolution().calls("connectionState")).as("only the three status changes confirmed by name").isEqualTo(3);
        assertThat(summary.getInt("total_instances")).isEqualTo(5);
        assertThat(summary.getInt("healthy")).isEqualTo(2);
        assertThat(summary.getInt("unhealthy")).isEqualTo(3);
        assertThat(summary.getInt("status_changes")).isEqualTo(3);
        assertThat(summary.getInt("errors")).isZero();
        assertThat(summary.getString("started_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(summary.getJsonNumber("duration_seconds").doubleValue()).isGreaterThanOrEqualTo(0);

        assertThat(Health.recorded(open, "status")).isEqualTo("connected");
        assertThat(Health.recorded(open, "phone_number")).as("from ownerJid").isEqualTo(NUMBER);
        assertThat(Health.recorded(open, "connected_at")).isNotNull();
        assertThat(Health.recorded(connecting, "status")).isEqualTo("connecting");
        assertThat(Health.recorded(closed, "status")).isEqualTo("disconnected");
        assertThat(Health.recorded(closed, "disconnect_reason")).isEqualTo("device_removed (401)");
        assertThat(Health.recorded(neverPaired, "status")).as("never paired and closed without a reason").isEqualTo("pending");

        var disconnected = Health.entry(summary, closed);
        assertThat(disconnected.getString("expected_status")).isEqualTo("connected");
        assertThat(disconnected.getString("actual_status")).isEqualTo("disconnected");
        assertThat(disconnected.getBoolean("healthy")).isFalse();
        assertThat(disconnected.getBoolean("changed")).isTrue();
        assertThat(disconnected.getString("disconnect_reason")).isEqualTo("device_removed (401)");
        assertThat(Health.entry(summary, open).getBoolean("healthy")).isTrue();
        assertThat(summary.getJsonArray("instances").getValuesAs(JsonObject.class))
                .as("healthy and unchanged instances are only counted")
                .noneMatch(i -> i.getString("instance_name").equals(quiet));

        assertThat(Health.changes(fleet())).filteredOn(c -> c.getString("source").equals("sweep")).hasSize(3);
        assertThat(Health.latestRun().getString("outcome")).isEqualTo("completed");
        assertThat(Health.latestRun().getString("triggered_by")).isEqualTo("alice");
    }

    @Test
    void connectedAtIsKeptAcrossSweepsAndAQuietSweepChangesNothing() {
        Health.swept();
        var connectedAt = Health.recorded(open, "connected_at");

        var second = Health.swept();

        assertThat(second.getInt("status_changes")).isZero();
        assertThat(Health.recorded(open, "connected_at")).isEqualTo(connectedAt);
        assertThat(Health.changes(fleet())).hasSize(3);
    }

    @Test
    void everyStatusChangeIsPublishedAndRefreshesTheCache() {
        try (var events = Events.subscribe()) {
            Health.swept();

            var changed = events.await("instance.status_changed", closed, Duration.ofSeconds(10));
            assertThat(changed.getString("status")).isEqualTo("disconnected");
            events.await("instance.status_changed", open, Duration.ofSeconds(10));
            events.await("instance.status_changed", connecting, Duration.ofSeconds(10));
            assertThat(events.cached(closed)).contains("\"status\":\"disconnected\"");
            assertThat(events.cached(open)).contains("\"status\":\"connected\"");
            assertThat(Fleet.published(events, "instance.status_changed", quiet)).isZero();
        }
    }

    @Test
    void anInstanceAbsentFromTheListingIsMissingOnlyAfterItsOwn404() {
        var gone = name("org-gone", OLD);
        // recorded connected earlier, while Evolution never had it (no create, pair or webhook can leave that)
        Health.row("org-gone", gone, "connected", "5511555550000", OLD, OLD);

        var summary = Health.swept();

        assertThat(Health.recorded(gone, "status")).isEqualTo("missing");
        assertThat(Health.entry(summary, gone).getString("actual_status")).isEqualTo("missing");
        assertThat(evolution().calls("connectionState")).as("rechecked by name, and the fleet's three status changes confirmed")
                .isEqualTo(4);
        assertThat(summary.getInt("errors")).isZero();
    }

    @Test
    void anAbsentInstanceWhoseRecheckFailsKeepsItsStatusAndCountsAsAnError() {
        var unsure = name("org-unsure", OLD);
        // recorded connected earlier, while Evolution never had it (no create, pair or webhook can leave that)
        Health.row("org-unsure", unsure, "connected", "5511555550000", OLD, OLD);
        evolution().inject(Fault.status("connectionState", 503).times(2));   // the recheck's call and its one retry

        var summary = Health.swept();

        assertThat(Health.recorded(unsure, "status")).isEqualTo("connected");
        assertThat(summary.getInt("errors")).isOne();
        var entry = Health.entry(summary, unsure);
        assertThat(entry.getString("actual_status")).isEqualTo("connected");
        assertThat(entry.getString("error")).contains("recheck");
        assertThat(Health.recorded(closed, "status")).as("the others are recorded").isEqualTo("disconnected");
    }

    @Test
    void anUnreachableEvolutionIs503AndChangesNoStatus() {
        evolution().inject(Fault.reset("fetchInstances"));

        var answer = Health.sweep();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/evolution-unavailable");
        assertThat(Health.recorded(closed, "status")).isEqualTo("connected");
        assertThat(Health.recorded(open, "status")).isEqualTo("pending");
        assertThat(Health.changes(fleet())).isEmpty();
        assertThat(Health.latestRun().getString("outcome")).isEqualTo("failed");
        assertThat(Health.latestRun().getJsonObject("summary").getString("error")).contains("nothing was changed");
    }
}
