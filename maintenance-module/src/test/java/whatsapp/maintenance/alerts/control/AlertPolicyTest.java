package whatsapp.maintenance.alerts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import whatsapp.maintenance.alerts.entity.Subject;

class AlertPolicyTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final Duration COOLDOWN = Duration.ofMinutes(30);

    @Test
    void aDisconnectionNeverAlertedBeforeIsDue() {
        var subject = disconnected("clinic-a-1", NOW.minusSeconds(60));
        assertThat(AlertPolicy.due(List.of(subject), Map.of(), COOLDOWN, NOW)).containsExactly(subject);
    }

    @Test
    void withinTheCooldownNothingIsSentAgainForTheInstance() {
        var subject = disconnected("clinic-a-1", NOW.minusSeconds(60));
        var lastSent = Map.of("clinic-a-1", NOW.minus(Duration.ofMinutes(10)));
        assertThat(AlertPolicy.due(List.of(subject), lastSent, COOLDOWN, NOW)).isEmpty();
    }

    @Test
    void aDisconnectionAlreadyAlertedIsNotAlertedAgainAfterTheCooldown() {
        var subject = disconnected("clinic-a-1", NOW.minus(Duration.ofHours(3)));
        var lastSent = Map.of("clinic-a-1", NOW.minus(Duration.ofHours(2)));
        assertThat(AlertPolicy.due(List.of(subject), lastSent, COOLDOWN, NOW)).isEmpty();
    }

    @Test
    void aNewDisconnectionAfterTheCooldownIsDue() {
        var subject = disconnected("clinic-a-1", NOW.minus(Duration.ofMinutes(5)));
        var lastSent = Map.of("clinic-a-1", NOW.minus(Duration.ofHours(2)));
        assertThat(AlertPolicy.due(List.of(subject), lastSent, COOLDOWN, NOW)).containsExactly(subject);
    }

    @Test
    void anInstanceIsNamedInOneAlertPerSweepAtMost() {
        var disconnect = disconnected("clinic-a-1", NOW);
        var duplicate = Subject.duplicate("5511999990000", List.of("clinic-a-1", "clinic-a-2"));
        assertThat(AlertPolicy.due(List.of(disconnect, duplicate), Map.of(), COOLDOWN, NOW)).containsExactly(disconnect);
    }

    @Test
    void aDuplicateIsRepeatedOnlyOnceTheCooldownIsOverForAllItsInstances() {
        var duplicate = Subject.duplicate("5511999990000", List.of("clinic-a-1", "clinic-a-2"));
        var oneRecent = Map.of("clinic-a-1", NOW.minus(Duration.ofHours(1)), "clinic-a-2", NOW.minus(Duration.ofMinutes(1)));
        assertThat(AlertPolicy.due(List.of(duplicate), oneRecent, COOLDOWN, NOW)).isEmpty();
        var bothOld = Map.of("clinic-a-1", NOW.minus(Duration.ofHours(1)), "clinic-a-2", NOW.minus(Duration.ofHours(1)));
        assertThat(AlertPolicy.due(List.of(duplicate), bothOld, COOLDOWN, NOW)).containsExactly(duplicate);
    }

    @Test
    void upToTheThresholdEachGetsItsOwnAlertAndBeyondItOneGroupedAlert() {
        var five = subjects(5);
        assertThat(AlertPolicy.batches(five, 5)).hasSize(5).allSatisfy(batch -> assertThat(batch).hasSize(1));
        var six = subjects(6);
        assertThat(AlertPolicy.batches(six, 5)).containsExactly(six);
        assertThat(AlertPolicy.batches(List.of(), 5)).isEmpty();
    }

    @Test
    void aGroupedAlertListsEveryProblem() {
        var message = AlertPolicy.message(subjects(7), NOW);
        assertThat(message.getString("type")).isEqualTo(AlertPolicy.GROUP);
        assertThat(message.getInt("count")).isEqualTo(7);
        assertThat(message.getJsonArray("alerts")).hasSize(7);
        assertThat(message.getJsonArray("alerts").getJsonObject(0).getString("instance_name")).isEqualTo("clinic-org-0-1");
    }

    @Test
    void aDeviceRemovedAlertSaysThePhoneMustPairAgain() {
        var message = AlertPolicy.message(List.of(disconnected("clinic-a-1", NOW)), NOW);
        assertThat(message.getString("type")).isEqualTo(Subject.DISCONNECTED);
        assertThat(message.getString("reason")).isEqualTo("device_removed (401)");
        assertThat(message.getBoolean("needs_repairing")).isTrue();
        assertThat(message.getString("detail")).contains("scan a new QR code");
        assertThat(message.getString("occurred_at")).isEqualTo("2025-11-15T16:45:00.000Z");
    }

    @Test
    void reasonsThatNeedANewQrScan() {
        assertThat(AlertPolicy.needsRepairing("device_removed (401)")).isTrue();
        assertThat(AlertPolicy.needsRepairing("banned (403)")).isTrue();
        assertThat(AlertPolicy.needsRepairing("conflict (440)")).isFalse();
        assertThat(AlertPolicy.needsRepairing(null)).isFalse();
    }

    @Test
    void aCleanupsDuplicateNumberAlertNamesTheKeptInstances() {
        var message = AlertPolicy.duplicateNumber("5511999990000", List.of("clinic-a-1", "clinic-a-2"), List.of("clinic-a-1"), NOW);
        assertThat(message.getString("type")).isEqualTo(Subject.DUPLICATE_NUMBER);
        assertThat(message.getJsonArray("kept")).hasSize(1);
        assertThat(message.getString("detail")).contains("paired with 2 instances");
        assertThat(AlertPolicy.message(List.of(Subject.duplicate("5511999990000", List.of("clinic-a-1", "clinic-a-2"))), NOW))
                .as("a sweep's names no kept instances").doesNotContainKey("kept");
    }

    static List<Subject> subjects(int count) {
        return IntStream.range(0, count).mapToObj(i -> disconnected("clinic-org-" + i + "-1", NOW)).toList();
    }

    static Subject disconnected(String name, Instant since) {
        return Subject.disconnected(name, "org", "device_removed (401)", since);
    }
}
