package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;

/**
 * Maintenance windows: while one is on, a device removal and a sweep still record, but raise no alert and the
 * auto-heal restarts nothing; ending it (early, by DELETE) compares the fleet with its start and sends one summary
 * alert naming what changed (disconnected, recreated, webhook settings lost); afterwards the held alert comes with
 * the next sweep and the auto-heal acts again. Every window a test opens is ended before it finishes: an open one
 * would hold other tests' alerts.
 */
class MaintenanceWindowIT extends FleetTests {

    static Http.Answer open(String body, String token) {
        return Http.post(Service.maintenance("/windows"), token, "application/json", body);
    }

    static String body(Instant startsAt, Instant endsAt, String reason, String servers) {
        return "{\"starts_at\":\"" + startsAt + "\",\"ends_at\":\"" + endsAt + "\""
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + (servers == null ? "" : ",\"servers\":" + servers) + "}";
    }

    static Http.Answer end(String id) {
        return Http.delete(Service.maintenance("/windows/" + id), Service.admin());
    }

    static List<JsonObject> windows() {
        var answer = Http.get(Service.maintenance("/windows"), Service.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("windows").getValuesAs(JsonObject.class);
    }

    static List<String> names(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString::getString);
    }

    @Test
    void alertsAndAutoHealAreHeldAndTheEndSendsOneSummary() {
        var removed = Health.paired("org-window-removed", Health.NUMBER);
        var recreated = Health.paired("org-window-recreated", "5511999990001");
        var drifted = Health.paired("org-window-drifted", "5511999990002");
        assertThat(Health.sweep().status()).isEqualTo(200);   // learns the instance ids
        var stuck = HealthHealIT.connecting("org-window-stuck", HealthHealIT.STUCK_SINCE, null);

        try (var receiver = AlertReceiver.start()) {
            var opened = open(body(Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)),
                    "Evolution upgrade to 2.3.7", null), Service.admin());
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            var window = opened.json();
            var id = window.getString("id");
            try {
                assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/maintenance/windows/" + id);
                assertThat(window.getString("state")).isEqualTo("active");
                assertThat(window.getString("snapshot_at", null)).as("the fleet is recorded at once").isNotNull();
                assertThat(window.isNull("servers")).as("every server").isTrue();

                Health.disconnected(removed, Disconnect.DEVICE_REMOVED, "device_removed (401)");
                evolution().recreate(recreated);
                evolution().webhookSettings(drifted, null);
                var during = Health.swept();
                assertThat(during.getJsonArray("restarts")).as("the auto-heal is held").isEmpty();
                assertThat(evolution().calls("restart")).isZero();
                assertThat(Integrations.find(Integrations.all().stream()
                        .filter(i -> i.getString("instance_name").equals(removed)).findFirst().orElseThrow().getString("id"))
                        .json().getString("status")).as("the sweep still records").isEqualTo("disconnected");
                receiver.settled();
                // other tests' notices the receiver of no test accepted may arrive now: only this test's count
                var mine = List.of(removed, recreated, drifted, stuck);
                assertThat(receiver.notices()).as("no alert while the window is on")
                        .noneMatch(n -> mine.stream().anyMatch(name -> AlertReceiver.about(name).test(n)) || id.equals(n.getString("window_id", null)));

                var ended = end(id);
                assertThat(ended.status()).as(ended.body()).isEqualTo(200);
                assertThat(ended.json().getString("state")).isEqualTo("ended");
                assertThat(ended.json().getString("ended_by")).isNotBlank();
                var summary = ended.json().getJsonObject("summary");
                assertThat(summary.getInt("compared")).isEqualTo(4);
                assertThat(names(summary, "disconnected")).containsExactly(removed);
                assertThat(names(summary, "recreated")).containsExactly(recreated);
                assertThat(names(summary, "webhook_lost")).contains(drifted);
                assertThat(names(summary, "gone")).isEmpty();

                Poll.until(() -> receiver.notices().stream().anyMatch(n -> id.equals(n.getString("window_id", null))),
                        Duration.ofSeconds(10), "the window's summary alert");
                var alerts = receiver.notices().stream().filter(n -> id.equals(n.getString("window_id", null))).toList();
                assertThat(alerts).as("one summary").hasSize(1);
                var alert = alerts.get(0);
                assertThat(alert.getString("type")).isEqualTo("maintenance_window.summary");
                assertThat(alert.getString("window_id")).isEqualTo(id);
                assertThat(alert.getJsonObject("counts").getInt("disconnected")).isEqualTo(1);
                assertThat(alert.getJsonObject("counts").getInt("recreated")).isEqualTo(1);
                assertThat(alert.getString("detail")).contains(removed, recreated, drifted, "Evolution upgrade to 2.3.7");
                assertThat(ended.json().getString("alert_id")).isEqualTo(alert.getString("alert_id"));
                assertThat(end(id).json().getString("state")).as("ending it again changes nothing").isEqualTo("ended");

                // held, not dropped: the next sweep raises what is still wrong, and the auto-heal acts again
                var after = Health.swept();
                assertThat(receiver.await(removed, "raised", Duration.ofSeconds(10)).getString("type")).startsWith("instance.");
                assertThat(after.getJsonArray("restarts").getValuesAs(JsonObject.class))
                        .anyMatch(attempt -> attempt.getString("instance_name").equals(stuck));
                receiver.settled();
                assertThat(receiver.notices().stream().filter(n -> id.equals(n.getString("window_id", null))))
                        .as("still one summary").hasSize(1);
            } finally {
                end(id);
            }
        }
    }

    @Test
    void aWindowOnOtherServersHoldsNothingHereAndIsListedUntilCancelled() {
        var scheduled = open(body(Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(3)),
                "planned upgrade", "[\"default\"]"), Service.admin());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        var id = scheduled.json().getString("id");
        try {
            assertThat(scheduled.json().getString("state")).isEqualTo("scheduled");
            assertThat(names(scheduled.json(), "servers")).containsExactly("default");
            assertThat(windows()).anyMatch(window -> window.getString("id").equals(id) && window.getString("state").equals("scheduled"));

            var cancelled = end(id);
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
            assertThat(cancelled.json().isNull("summary")).isTrue();
            assertThat(windows()).as("recent ones stay listed").anyMatch(window -> window.getString("id").equals(id));
        } finally {
            end(id);
        }
        assertThat(end("7c9e6679-7425-40de-944b-e07fc1f90ae7").status()).isEqualTo(404);
        assertThat(end("not-a-uuid").status()).isEqualTo(400);
        assertThat(Http.get(Service.maintenance("/windows?limit=0"), Service.admin()).status()).isEqualTo(400);
    }

    @Test
    void badWindowsAreRefusedAndChangeNothing() {
        var now = Instant.now();
        int before = windows().size();
        for (var bad : List.of(
                body(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)), "backwards", null),
                body(now, now.plus(Duration.ofHours(25)), "too long", null),
                body(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), "over already", null),
                body(now, now.plus(Duration.ofHours(1)), null, null),
                body(now, now.plus(Duration.ofHours(1)), " ", null),
                body(now, now.plus(Duration.ofHours(1)), "unknown server", "[\"default\",\"nowhere\"]"),
                body(now, now.plus(Duration.ofHours(1)), "no servers", "[]"),
                "{\"starts_at\":\"yesterday\",\"ends_at\":\"" + now.plusSeconds(60) + "\",\"reason\":\"x\"}")) {
            var answer = open(bad, Service.admin());
            assertThat(answer.status()).as(bad + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        var unknown = open(body(now, now.plus(Duration.ofHours(1)), "unknown server", "[\"nowhere\"]"), Service.admin());
        assertThat(unknown.json().toString()).contains("servers", "nowhere", "default");
        assertThat(windows()).as("nothing planned").hasSize(before);

        var good = body(now, now.plus(Duration.ofHours(1)), "x", null);
        assertThat(open(good, null).status()).isEqualTo(401);
        assertThat(open(good, Service.member("org-window")).status()).isEqualTo(403);
        assertThat(Http.get(Service.maintenance("/windows"), Service.member("org-window")).status()).isEqualTo(403);
        assertThat(Http.get(Service.maintenance("/windows"), null).status()).isEqualTo(401);
        assertThat(Http.delete(Service.maintenance("/windows/7c9e6679-7425-40de-944b-e07fc1f90ae7"), Service.member("org-window")).status())
                .isEqualTo(403);
        assertThat(windows()).hasSize(before);
    }
}
