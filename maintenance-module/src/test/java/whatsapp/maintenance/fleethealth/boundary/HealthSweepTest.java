package whatsapp.maintenance.fleethealth.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Status;

class HealthSweepTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final String DEVICE_REMOVED = "{\"error\":{\"data\":{\"tag\":\"stream:error\",\"attrs\":{\"code\":\"401\"},"
            + "\"content\":[{\"tag\":\"conflict\",\"attrs\":{\"type\":\"device_removed\"}}]},\"isBoom\":true,"
            + "\"output\":{\"statusCode\":401,\"payload\":{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Stream Errored (conflict)\"}}},\"date\":\"2025-11-15T16:40:00.000Z\"}";

    @Test
    void evolutionStatesInOurWords() {
        assertThat(ConnectionState.open.status()).isEqualTo(Status.connected);
        assertThat(ConnectionState.connecting.status()).isEqualTo(Status.connecting);
        assertThat(ConnectionState.close.status()).isEqualTo(Status.disconnected);
    }

    @Test
    void aClosedInstanceCarriesItsReasonAndItsNumber() {
        var instance = new EvolutionInstance("clinic-a-1", "id", ConnectionState.close, "5511999990000@s.whatsapp.net", 401,
                DEVICE_REMOVED, NOW, NOW);
        var seen = instance.observation(NOW).orElseThrow();
        assertThat(seen).isEqualTo(new Observation("clinic-a-1", Status.disconnected, "5511999990000", "device_removed (401)", NOW));
    }

    @Test
    void stickyDisconnectionFieldsOfAnOpenInstanceAreIgnored() {
        var instance = new EvolutionInstance("clinic-a-1", "id", ConnectionState.open, "5511999990000@s.whatsapp.net", 401,
                DEVICE_REMOVED, NOW, NOW);
        assertThat(instance.observation(NOW).orElseThrow().disconnectReason()).isNull();
    }

    @Test
    void anUnknownStateSaysNothing() {
        var instance = new EvolutionInstance("clinic-a-1", "id", null, null, null, null, null, null);
        assertThat(instance.observation(NOW)).isEmpty();
    }

    @Test
    void onlyObservationsThatCouldChangeTheRowAreRecorded() {
        var row = row(Status.connected, "5511999990000", NOW, null);
        assertThat(HealthSweep.mayChange(row, seen(Status.connected, "5511999990000", null))).isFalse();
        assertThat(HealthSweep.mayChange(row, seen(Status.connected, null, null))).isFalse();
        assertThat(HealthSweep.mayChange(row, seen(Status.disconnected, "5511999990000", null))).isTrue();
        assertThat(HealthSweep.mayChange(row, seen(Status.connected, "5511888880000", null))).isTrue();
        assertThat(HealthSweep.mayChange(row(Status.connected, null, null, null), seen(Status.connected, null, null)))
                .as("connected_at still to be set").isTrue();
        var closed = row(Status.disconnected, null, null, "logout (401)");
        assertThat(HealthSweep.mayChange(closed, seen(Status.disconnected, null, "device_removed (401)"))).isTrue();
        assertThat(HealthSweep.mayChange(closed, seen(Status.disconnected, null, "logout (401)"))).isFalse();
    }

    static Observation seen(Status status, String phone, String reason) {
        return new Observation("clinic-a-1", status, phone, reason, NOW);
    }

    static IntegrationSummary row(Status status, String phone, Instant connectedAt, String reason) {
        return new IntegrationSummary(UUID.randomUUID(), "org", "clinic-a-1", status, true, phone, connectedAt, reason, NOW, NOW, NOW);
    }
}
