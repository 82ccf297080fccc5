package whatsapp.maintenance.fleethealth.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.fleethealth.entity.InstanceHealth;

class FleetComparisonTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final String DEVICE_REMOVED = "{\"error\":{\"data\":{\"tag\":\"stream:error\",\"attrs\":{\"code\":\"401\"},"
            + "\"content\":[{\"tag\":\"conflict\",\"attrs\":{\"type\":\"device_removed\"}}]},\"isBoom\":true,"
            + "\"output\":{\"statusCode\":401,\"payload\":{\"statusCode\":401,\"error\":\"Unauthorized\","
            + "\"message\":\"Stream Errored (conflict)\"}}},\"date\":\"2025-11-15T16:40:00.000Z\"}";

    @Test
    void evolutionStatesInOurWords() {
        var rows = List.of(row("clinic-a-1", Status.pending, null, null, null), row("clinic-a-2", Status.connected, "5511", NOW, null),
                row("clinic-a-3", Status.connected, "5511", NOW, null));
        var listed = List.of(listed("clinic-a-1", ConnectionState.open, null, null), listed("clinic-a-2", ConnectionState.connecting, null, null),
                listed("clinic-a-3", ConnectionState.close, null, null));
        assertThat(FleetComparison.of(rows, listed, 50, NOW).observations()).extracting(Observation::status)
                .containsExactly(Status.connected, Status.connecting, Status.disconnected);
    }

    @Test
    void aClosedInstanceCarriesItsReasonAndItsNumber() {
        var comparison = FleetComparison.of(List.of(row("clinic-a-1", Status.connected, null, NOW, null)),
                List.of(listed("clinic-a-1", ConnectionState.close, 401, DEVICE_REMOVED)), 50, NOW);
        assertThat(comparison.observations())
                .containsExactly(new Observation("clinic-a-1", Status.disconnected, "5511999990000", "device_removed (401)", NOW));
    }

    @Test
    void stickyDisconnectionFieldsOfAnOpenInstanceAreIgnored() {
        var comparison = FleetComparison.of(List.of(row("clinic-a-1", Status.pending, null, null, null)),
                List.of(listed("clinic-a-1", ConnectionState.open, 401, DEVICE_REMOVED)), 50, NOW);
        assertThat(comparison.observations()).singleElement().satisfies(seen -> assertThat(seen.disconnectReason()).isNull());
    }

    @Test
    void anUnknownStateSaysNothing() {
        var comparison = FleetComparison.of(List.of(row("clinic-a-1", Status.connected, null, NOW, null)),
                List.of(new EvolutionInstance("clinic-a-1", "id", null, null, null, null, null, null)), 50, NOW);
        assertThat(comparison.observations()).isEmpty();
        assertThat(comparison.recheck()).isEmpty();
        assertThat(comparison.errors()).isEmpty();
    }

    @Test
    void anAbsentRowIsRecheckedAndMissingOnlyAfterItsOwn404() {
        var gone = row("clinic-gone-1", Status.connected, "5511", NOW, null);
        var unsure = row("clinic-unsure-1", Status.connected, "5511", NOW, null);
        var comparison = FleetComparison.of(List.of(gone, unsure), List.of(), 50, NOW);
        assertThat(comparison.recheck()).containsExactly(gone, unsure);

        comparison.rechecked(gone, new Lookup.Missing("clinic-gone-1"));
        comparison.rechecked(unsure, new Lookup.Unavailable("HTTP 503"));

        assertThat(comparison.observations()).containsExactly(Observation.missing("clinic-gone-1", NOW));
        assertThat(comparison.errors()).containsOnlyKeys("clinic-unsure-1");
        assertThat(comparison.errors().get("clinic-unsure-1")).contains("recheck", "HTTP 503");
        var after = comparison.after(List.of());
        assertThat(after.attention()).extracting(InstanceHealth::instanceName).containsExactly("clinic-unsure-1");
        assertThat(after.attention().get(0).actualStatus()).as("unchanged when Evolution could not tell").isEqualTo(Status.connected);
    }

    @Test
    void anInstanceTheRecheckFindsIsComparedLikeAListedOne() {
        var row = row("clinic-a-1", Status.connected, "5511999990000", NOW, null);
        var comparison = FleetComparison.of(List.of(row), List.of(), 50, NOW);
        var found = listed("clinic-a-1", ConnectionState.connecting, null, null);

        comparison.rechecked(row, new Lookup.Found(found));

        assertThat(comparison.observations()).extracting(Observation::status).containsExactly(Status.connecting);
        assertThat(comparison.after(List.of()).states().get(0).listed()).isEqualTo(found);
    }

    @Test
    void rechecksAreLimitedPerSweepAndTheRestAreErrors() {
        var rows = List.of(row("clinic-a-1", Status.connected, null, NOW, null), row("clinic-a-2", Status.connected, null, NOW, null),
                row("clinic-a-3", Status.connected, null, NOW, null));
        var comparison = FleetComparison.of(rows, List.of(), 2, NOW);
        assertThat(comparison.recheck()).extracting(IntegrationSummary::instanceName).containsExactly("clinic-a-1", "clinic-a-2");
        assertThat(comparison.errors()).containsOnlyKeys("clinic-a-3");
    }

    @Test
    void aRowAlreadyMissingIsNotRecheckedAgain() {
        var comparison = FleetComparison.of(List.of(row("clinic-a-1", Status.missing, null, null, null)), List.of(), 50, NOW);
        assertThat(comparison.recheck()).isEmpty();
        assertThat(comparison.errors()).isEmpty();
    }

    @Test
    void afterTheSweepAChangedInstanceHasItsNewStatusAndHealthyUnchangedOnesAreOnlyCounted() {
        var quiet = row("clinic-quiet-1", Status.connected, "5511", NOW.minusSeconds(3600), null);
        var paired = row("clinic-new-1", Status.pending, null, null, null);
        var comparison = FleetComparison.of(List.of(quiet, paired),
                List.of(listed("clinic-quiet-1", ConnectionState.open, null, null), listed("clinic-new-1", ConnectionState.open, null, null)),
                50, NOW);
        var change = new StatusChange("clinic-new-1", "org", paired.id(), Status.pending, Status.connected, null, NOW, Source.sweep);

        var after = comparison.after(List.of(change));

        assertThat(after.healthy()).isEqualTo(2);
        assertThat(after.attention()).singleElement().satisfies(entry -> {
            assertThat(entry.instanceName()).isEqualTo("clinic-new-1");
            assertThat(entry.expectedStatus()).isEqualTo(Status.pending);
            assertThat(entry.actualStatus()).isEqualTo(Status.connected);
            assertThat(entry.changed()).isTrue();
        });
        var state = after.states().get(1);
        assertThat(state.connectedAt()).as("connected_at set by the change").isEqualTo(NOW);
        assertThat(state.statusChangedAt()).isEqualTo(NOW);
        assertThat(state.phoneNumber()).as("from ownerJid").isEqualTo("5511999990000");
    }

    @Test
    void disconnectedInstancesAndUsedDuplicateNumbersAreWorthAnAlert() {
        var down = row("clinic-down-1", Status.disconnected, null, NOW, "device_removed (401)");
        var dup = row("clinic-dup-1", Status.connected, "5511999990000", NOW, null);
        var comparison = FleetComparison.of(List.of(down, dup), List.of(listed("clinic-down-1", ConnectionState.close, 401, DEVICE_REMOVED),
                listed("clinic-dup-1", ConnectionState.open, null, null), listed("clinic-dup-2", ConnectionState.open, null, null)), 50, NOW);

        var subjects = comparison.alertSubjects(comparison.after(List.of()), List.of());

        assertThat(subjects).extracting(Subject::kind).containsExactly(Subject.DISCONNECTED, Subject.DUPLICATE_NUMBER);
        assertThat(subjects.get(0).detail()).isEqualTo("device_removed (401)");
        assertThat(subjects.get(1).instanceNames()).containsExactly("clinic-dup-1", "clinic-dup-2");
    }

    @Test
    void onlyObservationsThatCouldChangeTheRowAreRecorded() {
        var row = row(Status.connected, "5511999990000", NOW, null);
        assertThat(FleetComparison.mayChange(row, seen(Status.connected, "5511999990000", null))).isFalse();
        assertThat(FleetComparison.mayChange(row, seen(Status.connected, null, null))).isFalse();
        assertThat(FleetComparison.mayChange(row, seen(Status.disconnected, "5511999990000", null))).isTrue();
        assertThat(FleetComparison.mayChange(row, seen(Status.connected, "5511888880000", null))).isTrue();
        assertThat(FleetComparison.mayChange(row(Status.connected, null, null, null), seen(Status.connected, null, null)))
                .as("connected_at still to be set").isTrue();
        var closed = row(Status.disconnected, null, null, "logout (401)");
        assertThat(FleetComparison.mayChange(closed, seen(Status.disconnected, null, "device_removed (401)"))).isTrue();
        assertThat(FleetComparison.mayChange(closed, seen(Status.disconnected, null, "logout (401)"))).isFalse();
    }

    @Test
    void aStatusChangeTheListingSuggestsIsConfirmedWithTheLiveStateFirst() {
        var lagging = row("clinic-lag-1", Status.connected, "5511999990000", NOW, null);
        var dropped = row("clinic-drop-1", Status.connected, "5511999990001", NOW, null);
        var other = row("clinic-other-1", Status.connected, "5511999990002", NOW, null);
        var unsure = row("clinic-unsure-1", Status.connected, "5511999990003", NOW, null);
        var neverPaired = row("clinic-new-1", Status.pending, null, null, null);
        var comparison = FleetComparison.of(List.of(lagging, dropped, other, unsure, neverPaired), List.of(
                listed("clinic-lag-1", ConnectionState.close, null, null), listed("clinic-drop-1", ConnectionState.close, 401, DEVICE_REMOVED),
                listed("clinic-other-1", ConnectionState.close, null, null), listed("clinic-unsure-1", ConnectionState.close, null, null),
                new EvolutionInstance("clinic-new-1", "id", ConnectionState.close, null, null, null, null, NOW)), 10, NOW);

        assertThat(comparison.toConfirm(10)).extracting(IntegrationSummary::instanceName)
                .containsExactly("clinic-lag-1", "clinic-drop-1", "clinic-other-1", "clinic-unsure-1");
        comparison.confirmed(lagging, live("clinic-lag-1", ConnectionState.open));
        comparison.confirmed(dropped, live("clinic-drop-1", ConnectionState.close));
        comparison.confirmed(other, live("clinic-other-1", ConnectionState.connecting));
        comparison.confirmed(unsure, new Lookup.Unavailable("timeout"));

        assertThat(comparison.observations()).extracting(Observation::instanceName, Observation::status, Observation::disconnectReason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("clinic-drop-1", Status.disconnected, "device_removed (401)"),
                        org.assertj.core.groups.Tuple.tuple("clinic-other-1", Status.connecting, null),
                        org.assertj.core.groups.Tuple.tuple("clinic-new-1", Status.disconnected, null));
        assertThat(comparison.errors()).containsOnlyKeys("clinic-unsure-1");
    }

    @Test
    void aQrRefusalIsNotUndoneByEvolutionsDatabaseStillSayingConnecting() {
        var refused = row("clinic-refused-1", Status.disconnected, null, null, "qr_limit_reached");
        var unloaded = row("clinic-refused-2", Status.disconnected, null, null, "qr_refused (428)");
        var again = row("clinic-refused-3", Status.disconnected, null, null, "qr_refused (428)");
        var comparison = FleetComparison.of(List.of(refused, unloaded, again), List.of(
                listed("clinic-refused-1", ConnectionState.connecting, null, null),
                listed("clinic-refused-2", ConnectionState.connecting, null, null),
                listed("clinic-refused-3", ConnectionState.connecting, null, null)), 10, NOW);
        assertThat(comparison.toConfirm(10)).hasSize(3);

        comparison.confirmed(refused, live("clinic-refused-1", ConnectionState.close));
        comparison.confirmed(unloaded, new Lookup.Found(new EvolutionInstance("clinic-refused-2", null, null, null, null, null, null, null)));
        comparison.confirmed(again, live("clinic-refused-3", ConnectionState.connecting));

        assertThat(comparison.observations()).as("only a live connecting (codes shown again) flips a refused row")
                .extracting(Observation::instanceName).containsExactly("clinic-refused-3");
    }

    @Test
    void confirmationsBeyondTheMaximumWaitForTheNextSweep() {
        var first = row("clinic-a-1", Status.connected, "5511999990000", NOW, null);
        var second = row("clinic-b-1", Status.connected, "5511999990001", NOW, null);
        var comparison = FleetComparison.of(List.of(first, second), List.of(listed("clinic-a-1", ConnectionState.close, null, null),
                listed("clinic-b-1", ConnectionState.close, null, null)), 10, NOW);
        assertThat(comparison.toConfirm(1)).containsExactly(first);
        assertThat(comparison.observations()).extracting(Observation::instanceName).containsExactly("clinic-a-1");
        assertThat(comparison.errors()).containsOnlyKeys("clinic-b-1");
    }

    static Lookup live(String name, ConnectionState state) {
        return new Lookup.Found(new EvolutionInstance(name, null, state, null, null, null, null, null));
    }

    static Observation seen(Status status, String phone, String reason) {
        return new Observation("clinic-a-1", status, phone, reason, NOW);
    }

    static IntegrationSummary row(Status status, String phone, Instant connectedAt, String reason) {
        return row("clinic-a-1", status, phone, connectedAt, reason);
    }

    static IntegrationSummary row(String name, Status status, String phone, Instant connectedAt, String reason) {
        return new IntegrationSummary(UUID.randomUUID(), "org", name, status, true, phone, connectedAt, reason, NOW, NOW, NOW, false);
    }

    static EvolutionInstance listed(String name, ConnectionState state, Integer code, String disconnection) {
        return new EvolutionInstance(name, "id", state, "5511999990000@s.whatsapp.net", code, disconnection, code == null ? null : NOW, NOW);
    }
}
