package whatsapp.maintenance.alerts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import whatsapp.maintenance.alerts.entity.AlertState;
import whatsapp.maintenance.alerts.entity.Notice;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.alerts.entity.Unresolved;

class AlertPolicyTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final Duration COOLDOWN = Duration.ofMinutes(30);

    @Test
    void aRepairAlertCarriesTheFrontendsPairingLinkNeverTheQr() {
        var url = AlertPolicy.pairingUrl("https://app.example/orgs/{organization_id}/whatsapp/{integration_id}/pair",
                "0b6f3c1e-5d0a-4b7e-9a63-2f0d8c1e9a10", "org abc");
        assertThat(url).isEqualTo("https://app.example/orgs/org+abc/whatsapp/0b6f3c1e-5d0a-4b7e-9a63-2f0d8c1e9a10/pair");
        var subject = whatsapp.maintenance.alerts.entity.Subject.disconnected("clinic-a-1", "org-a", "device_removed (401)", null);
        var body = AlertPolicy.body(subject, java.time.Instant.parse("2025-11-15T16:45:00Z"), url);
        assertThat(body.getString("pairing_url")).isEqualTo(url);
        assertThat(body.toString()).doesNotContain("base64");
        assertThat(AlertPolicy.body(subject, java.time.Instant.parse("2025-11-15T16:45:00Z")).containsKey("pairing_url")).isFalse();
    }

    @Test
    void aSubjectWithoutAlertsIsRaised() {
        var decision = AlertPolicy.decide(List.of(disconnected("clinic-a-1")), Map.of(), Map.of(), COOLDOWN, NOW, true);
        assertThat(decision.raise()).extracting(Subject::key).containsExactly("instance:clinic-a-1");
        assertThat(decision.remind()).isEmpty();
    }

    @Test
    void anUnresolvedAlertIsNeverRaisedTwiceAndRepeatedOnlyWhenOpenACooldownLater() {
        var subject = disconnected("clinic-a-1");
        var fresh = unresolved(subject, AlertState.open, NOW.minus(COOLDOWN).plusSeconds(1));
        var old = unresolved(subject, AlertState.open, NOW.minus(COOLDOWN));
        var acknowledged = unresolved(subject, AlertState.acknowledged, NOW.minus(Duration.ofDays(1)));

        assertThat(AlertPolicy.decide(List.of(subject), Map.of(subject.key(), fresh), Map.of(), COOLDOWN, NOW, true))
                .isEqualTo(new AlertPolicy.Decision(List.of(), List.of()));
        assertThat(AlertPolicy.decide(List.of(subject), Map.of(subject.key(), old), Map.of(), COOLDOWN, NOW, true).remind())
                .containsExactly(old.id());
        assertThat(AlertPolicy.decide(List.of(subject), Map.of(subject.key(), old), Map.of(), COOLDOWN, NOW, false).remind())
                .as("a webhook never repeats").isEmpty();
        assertThat(AlertPolicy.decide(List.of(subject), Map.of(subject.key(), acknowledged), Map.of(), COOLDOWN, NOW, true))
                .as("acknowledged: quiet").isEqualTo(new AlertPolicy.Decision(List.of(), List.of()));
    }

    @Test
    void aNewAlertWaitsForTheCooldownOfTheLastOne() {
        var subject = disconnected("clinic-a-1");
        assertThat(AlertPolicy.decide(List.of(subject), Map.of(), Map.of(subject.key(), NOW.minusSeconds(60)), COOLDOWN, NOW, true)
                .raise()).isEmpty();
        assertThat(AlertPolicy.decide(List.of(subject), Map.of(), Map.of(subject.key(), NOW.minus(COOLDOWN)), COOLDOWN, NOW, true)
                .raise()).hasSize(1);
    }

    @Test
    void oneAlertPerInstanceWhateverTheKind() {
        var decision = AlertPolicy.decide(List.of(disconnected("clinic-a-1"),
                Subject.repairNeeded("clinic-a-1", "org", "device_removed (401)", NOW)), Map.of(), Map.of(), COOLDOWN, NOW, true);
        assertThat(decision.raise()).extracting(Subject::kind).containsExactly(Subject.DISCONNECTED);
        assertThat(Subject.duplicate("5511999990000", List.of("a", "b")).key()).isEqualTo("number:5511999990000");
    }

    @Test
    void moreNoticesThanTheThresholdMakeOneGroupedMessage() {
        assertThat(AlertPolicy.batches(notices(5, Notice.RAISED), 5)).hasSize(5);
        var grouped = AlertPolicy.batches(notices(6, Notice.RAISED), 5);
        assertThat(grouped).hasSize(1);
        var message = AlertPolicy.delivery(grouped.get(0), NOW);
        assertThat(message.getString("type")).isEqualTo(AlertPolicy.GROUP);
        assertThat(message.getInt("count")).isEqualTo(6);
        assertThat(message.getJsonArray("alerts")).hasSize(6);
        assertThat(AlertPolicy.delivery(notices(6, Notice.RESOLVED), NOW).getString("type")).isEqualTo(AlertPolicy.RECOVERED);
        assertThat(AlertPolicy.batches(List.of(), 5)).isEmpty();
    }

    @Test
    void aNoticeIsTheAlertWithItsIdsAndWhatHappened() {
        var raised = notice(disconnected("clinic-a-1"), Notice.RAISED, AlertState.open);
        var message = AlertPolicy.delivery(List.of(raised), NOW);
        assertThat(message.getString("type")).isEqualTo(Subject.DISCONNECTED);
        assertThat(message.getString("alert_id")).isEqualTo(raised.alertId().toString());
        assertThat(message.getString("notice_id")).isEqualTo(raised.id().toString());
        assertThat(message.getString("notice")).isEqualTo("raised");
        assertThat(message.getString("reason")).isEqualTo("device_removed (401)");
        assertThat(message.getBoolean("needs_repairing")).isTrue();
        assertThat(message.getString("detail")).contains("scan a new QR code");
        assertThat(message.getString("occurred_at")).isEqualTo("2025-11-15T16:45:00.000Z");
        assertThat(message).doesNotContainKey("resolution");

        var resolved = AlertPolicy.delivery(List.of(notice(disconnected("clinic-a-1"), Notice.RESOLVED, AlertState.resolved)), NOW);
        assertThat(resolved.getString("notice")).isEqualTo("resolved");
        assertThat(resolved.getString("state")).isEqualTo("resolved");
        assertThat(resolved.getString("resolution")).isEqualTo("connected again");
        assertThat(resolved.getString("resolved_at")).isEqualTo("2025-11-15T16:45:00.000Z");
    }

    @Test
    void anAlertAboutADisconnectionSaysThatItCannotSendAndWhyInPlainWords() {
        var removed = AlertPolicy.body(Subject.disconnected("clinic-a-1", "org-a", "device_removed (401)", NOW), NOW);
        assertThat(removed.getBoolean("can_send")).isFalse();
        assertThat(removed.getString("cannot_send_reason")).isEqualTo("removed from the phone: scan a new QR code");
        assertThat(removed.getBoolean("restricted")).isTrue();
        assertThat(removed.getString("detail")).startsWith("WhatsApp instance clinic-a-1 cannot send: removed from the phone");

        var banned = AlertPolicy.body(Subject.disconnected("clinic-a-1", "org-a", "temporarily_banned (402)", NOW), NOW);
        assertThat(banned.getString("cannot_send_reason")).isEqualTo("temporarily banned by WhatsApp");
        assertThat(banned.getBoolean("restricted")).isTrue();
        assertThat(banned.getBoolean("needs_repairing")).isFalse();
        assertThat(banned.getString("detail")).contains("Evolution will not reconnect it");

        var lost = AlertPolicy.body(Subject.disconnected("clinic-a-1", "org-a", "connection_lost (408)", NOW), NOW);
        assertThat(lost.getString("cannot_send_reason")).startsWith("reconnecting");
        assertThat(lost.getBoolean("restricted")).isFalse();
    }

    @Test
    void reasonsThatNeedANewQrScan() {
        assertThat(AlertPolicy.needsRepairing("device_removed (401)")).isTrue();
        assertThat(AlertPolicy.needsRepairing("banned (403)")).isTrue();
        assertThat(AlertPolicy.needsRepairing("conflict (440)")).isFalse();
        assertThat(AlertPolicy.needsRepairing(null)).isFalse();
        assertThat(AlertPolicy.endsTheSession("temporarily_banned (402)")).isTrue();
        assertThat(AlertPolicy.endsTheSession("banned (406)")).isTrue();
        assertThat(AlertPolicy.endsTheSession("connection_lost (408)")).isFalse();
        assertThat(AlertPolicy.endsTheSession("logout (401)")).isTrue();
    }

    @Test
    void aDuplicateNumberAlertNamesItsInstances() {
        var message = AlertPolicy.body(Subject.duplicate("5511999990000", List.of("clinic-a-1", "clinic-a-2")), NOW);
        assertThat(message.getString("type")).isEqualTo(Subject.DUPLICATE_NUMBER);
        assertThat(message.getJsonArray("instances")).hasSize(2);
        assertThat(message.getString("detail")).contains("paired with 2 instances");
    }

    @Test
    void theBackoffDoublesUpToItsCeiling() {
        var backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(300));
        assertThat(IntStream.rangeClosed(1, 4).mapToObj(backoff::after))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(backoff.after(50)).isEqualTo(Duration.ofSeconds(300));
    }

    static List<Notice> notices(int count, String kind) {
        return IntStream.range(0, count).mapToObj(i -> notice(disconnected("clinic-org-" + i + "-1"), kind,
                Notice.RESOLVED.equals(kind) ? AlertState.resolved : AlertState.open)).toList();
    }

    static Notice notice(Subject subject, String kind, AlertState state) {
        return new Notice(UUID.randomUUID(), UUID.randomUUID(), subject.kind(), kind, NOW, 0, NOW,
                AlertPolicy.body(subject, NOW).toString(), state, state == AlertState.resolved ? NOW : null,
                state == AlertState.resolved ? "connected again" : null);
    }

    static Unresolved unresolved(Subject subject, AlertState state, Instant lastNotice) {
        return new Unresolved(UUID.randomUUID(), subject.key(), subject.kind(), state, lastNotice);
    }

    static Subject disconnected(String name) {
        return Subject.disconnected(name, "org", "device_removed (401)", NOW);
    }
}
