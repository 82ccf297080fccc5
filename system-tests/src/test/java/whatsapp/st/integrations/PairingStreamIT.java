package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.PairingEvents;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Re-pairing a clinic: POST /integrations/{id}/pairing and its server-sent events, against the simulator rotating its
 * QR codes every second (Evolution: 45 s) and giving up after a few (Evolution: QRCODE_LIMIT, 30).
 */
class PairingStreamIT {

    static final Duration SOON = Duration.ofSeconds(10);

    EvolutionSimulator evolution() {
        return Stack.get().simulator().orElseThrow();
    }

    @AfterEach
    void evolutionAsUsual() {
        evolution().qrRotation(Duration.ofSeconds(45));
        evolution().qrLimit(30);
        evolution().clearFaults();
    }

    @Test
    void aStreamSeesEachNewCodeThenConnected() throws Exception {
        evolution().qrRotation(Duration.ofSeconds(1));
        var integration = Integrations.createFor("org-pair-1");
        var id = integration.getString("id");
        var token = Service.member("org-pair-1");

        var started = start(id, token, "{}");
        assertThat(started.status()).isEqualTo(201);
        var first = started.json();
        assertThat(first.getString("instance_name")).isEqualTo(integration.getString("instance_name"));
        assertThat(first.getString("qr_base64")).startsWith("data:image/png;base64,");
        assertThat(first.getString("expires_at")).endsWith("Z");
        assertThat(start(id, token, "{}").status()).as("a session runs: its current code").isEqualTo(200);

        try (var stream = PairingEvents.open(Service.integrations(""), id, token, null)) {
            Poll.until(() -> stream.named("qr").size() >= 4, SOON, "the current code and three rotations");
            var codes = stream.named("qr").stream().map(e -> e.json().getString("qr_base64")).distinct().toList();
            assertThat(codes).as("each rotation is a new code").hasSizeGreaterThanOrEqualTo(4);
            assertThat(stream.events.get(0).name()).as("a fresh stream starts with the current code").isEqualTo("qr");
            assertThat(Long.parseLong(stream.events.get(0).id())).isGreaterThanOrEqualTo(first.getJsonNumber("event_id").longValue());

            evolution().pair(integration.getString("instance_name"), "5511966660001");
            Poll.until(() -> !stream.named("connected").isEmpty(), SOON, "connected");
            assertThat(stream.named("connected").get(0).json().getString("phone_number")).isEqualTo("5511966660001");
            Poll.until(stream::closed, SOON, "the stream to end after connected");
            assertThat(ids(stream.events)).as("event ids increase").isSorted().doesNotHaveDuplicates();
        }
        assertThat(start(id, token, "{}").status()).as("connected: nothing to pair").isEqualTo(409);
    }

    @Test
    void theCodeLimitIsRefusedAndASweepLeavesTheRowDisconnected() throws Exception {
        evolution().qrRotation(Duration.ofMillis(700));
        evolution().qrLimit(2);
        var integration = Integrations.createFor("org-pair-2");
        var id = integration.getString("id");
        try (var stream = PairingEvents.open(Service.integrations(""), id, Service.admin(), null)) {
            assertThat(start(id, Service.admin(), null).status()).as("no body at all").isEqualTo(201);
            Poll.until(() -> !stream.named("refused").isEmpty(), SOON, "refused");
            assertThat(stream.named("refused").get(0).json().getString("reason"))
                    .isEqualTo("QR code limit reached: ask the clinic to start again");
            Poll.until(stream::closed, SOON, "the stream to end after refused");
        }
        var row = Integrations.find(id).json();
        assertThat(row.getString("status")).isEqualTo("disconnected");
        assertThat(row.getString("disconnect_reason")).startsWith("qr_");
        assertThat(evolution().instance(integration.getString("instance_name")).orElseThrow().connectionStatus())
                .as("Evolution's database still says connecting").isEqualTo("connecting");

        assertThat(Http.post(Service.maintenance("/health-check"), Service.admin(), null, "").status()).isEqualTo(200);
        assertThat(Integrations.find(id).json().getString("status")).as("the sweep keeps the refusal").isEqualTo("disconnected");
    }

    @Test
    void twoConcurrentStartsMakeOneConnectCall() throws Exception {
        var integration = Integrations.createFor("org-pair-3");
        var id = integration.getString("id");
        evolution().resetCalls();
        evolution().inject(whatsapp.simulator.Fault.latency("connect", Duration.ofMillis(1200)));
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> start(id, Service.admin(), "{}"));
            var second = pool.submit(() -> start(id, Service.member("org-pair-3"), "{\"number\": \"5511966660003\"}"));
            var answers = List.of(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
            assertThat(answers).extracting(Http.Answer::status).containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).json().getJsonNumber("event_id")).isEqualTo(answers.get(1).json().getJsonNumber("event_id"));
        } finally {
            evolution().clearFaults();
            pool.shutdownNow();
        }
        assertThat(evolution().calls("connect")).as("one connect call reached Evolution").isEqualTo(1);
    }

    @Test
    void aClinicRemovedFromThePhoneGetsAPairingCodeAndADeletionExpiresTheStream() throws Exception {
        var integration = Integrations.createFor("org-pair-6");
        var id = integration.getString("id");
        var name = integration.getString("instance_name");
        evolution().pair(name, "5511966660006");
        Poll.until(() -> "connected".equals(Integrations.find(id).json().getString("status")), SOON, "connected");
        evolution().disconnect(name, whatsapp.simulator.Disconnect.DEVICE_REMOVED);
        Poll.until(() -> "disconnected".equals(Integrations.find(id).json().getString("status")), SOON, "the removal recorded");

        var token = Service.member("org-pair-6");
        var started = start(id, token, "{\"number\": \"5511966660006\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().getString("pairing_code")).as("a closed instance and a number: a code to type").matches("[A-Z0-9]{8}");
        try (var stream = PairingEvents.open(Service.integrations(""), id, token, null)) {
            Poll.until(() -> !stream.named("qr").isEmpty(), SOON, "the current code");
            assertThat(stream.named("qr").get(0).json().getString("pairing_code")).matches("[A-Z0-9]{8}");
            assertThat(Integrations.delete(id).status()).isIn(200, 202, 204);
            Poll.until(() -> !stream.named("expired").isEmpty(), SOON, "expired");
            Poll.until(stream::closed, SOON, "the stream to end after expired");
        }
    }

    @Test
    void anotherOrganizationsMemberGets404() {
        var id = Integrations.createFor("org-pair-4").getString("id");
        var stranger = Service.member("org-pair-other");
        var post = start(id, stranger, "{}");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.isProblem()).isTrue();
        assertThat(Http.get(Service.integrations("/" + id + "/pairing/events"), stranger).status()).isEqualTo(404);
        assertThat(Http.get(Service.integrations("/" + id + "/pairing/events"), Service.worker()).status()).isEqualTo(403);
        assertThat(start(id, Service.member("org-pair-4"), "{\"number\": \"12\"}").status()).as("a number of 2 digits").isEqualTo(400);
    }

    @Test
    void aResumedStreamMissesNothing() throws Exception {
        evolution().qrRotation(Duration.ofSeconds(1));
        var integration = Integrations.createFor("org-pair-5");
        var id = integration.getString("id");
        var token = Service.member("org-pair-5");
        var started = start(id, token, "{}").json();

        var seen = new ArrayList<PairingEvents.Event>();
        try (var before = PairingEvents.open(Service.integrations(""), id, token, null)) {
            Poll.until(() -> before.events.size() >= 2, SOON, "two codes");
            seen.addAll(before.events);
        }
        Poll.pause(2500);   // codes go by while nobody listens
        try (var resumed = PairingEvents.open(Service.integrations(""), id, token, seen.get(seen.size() - 1).id())) {
            Poll.until(() -> resumed.events.size() >= 2, SOON, "what was missed");
            seen.addAll(resumed.events);
        }
        try (var everything = PairingEvents.open(Service.integrations(""), id, token, Long.toString(started.getJsonNumber("event_id").longValue() - 1))) {
            Poll.until(() -> everything.events.size() >= seen.size(), SOON, "the whole session again");
            var all = ids(everything.events);
            var from = all.indexOf(ids(seen).get(0));
            assertThat(from).as("the whole session holds the first stream's first code").isNotNegative();
            Poll.until(() -> everything.events.size() >= from + seen.size(), SOON, "the whole session again");
            assertThat(ids(seen)).as("the first stream, then the resumed one: no gap, no repeat")
                    .isEqualTo(ids(everything.events).subList(from, from + seen.size()));
        }
    }

    static Http.Answer start(String id, String token, String body) {
        return Http.post(Service.integrations("/" + id + "/pairing"), token, body == null ? null : "application/json",
                body == null ? "" : body);
    }

    static List<Long> ids(List<PairingEvents.Event> events) {
        return events.stream().map(e -> Long.parseLong(e.id())).toList();
    }
}
