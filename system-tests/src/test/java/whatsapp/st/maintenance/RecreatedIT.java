package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;

/**
 * An instance deleted and created again outside the service keeps its name but gets a new Evolution id (a UUID made
 * at create) and none of our webhook settings. A sweep whose listing shows the known name with another id audits
 * {@code instance.recreated}, publishes the event of that name, raises one alert, and has our webhook with a fresh
 * secret set again; the next sweep after that resolves the alert.
 */
class RecreatedIT extends FleetTests {

    @Test
    void aKnownNameListedWithAnotherIdIsReportedAndGetsOurWebhookBack() {
        var name = Health.paired("org-recreated-1", Health.NUMBER);
        var id = ZombieIT.idOf(name);
        var before = evolution().instance(name).orElseThrow().id();
        assertThat(Health.sweep().status()).isEqualTo(200);
        assertThat(Integrations.audit("org-recreated-1")).as("the same id: nothing to report")
                .noneMatch(e -> e.getString("action").equals("instance.recreated"));

        evolution().recreate(name);
        var after = evolution().instance(name).orElseThrow();
        assertThat(after.id()).isNotEqualTo(before);
        assertThat(after.webhook()).as("the recreated instance has none of our settings").isNull();

        try (var receiver = AlertReceiver.start(); var events = Events.subscribe()) {
            assertThat(Health.sweep().status()).isEqualTo(200);

            var audited = Integrations.audit("org-recreated-1").stream()
                    .filter(e -> e.getString("action").equals("instance.recreated")).toList();
            assertThat(audited).hasSize(1);
            assertThat(audited.get(0).getString("reason")).contains(before).contains(after.id());
            assertThat(events.await("instance.recreated", name, Duration.ofSeconds(10))).isNotNull();
            var alert = receiver.await(name, "raised", Duration.ofSeconds(10));
            assertThat(alert.getString("type")).isEqualTo("instance.recreated");

            Poll.until(() -> evolution().instance(name).orElseThrow().webhook() != null
                            && !Integrations.find(id).json().getBoolean("webhook_unverified"),
                    Duration.ofSeconds(30), "our webhook set again on the recreated instance");
            var webhook = evolution().instance(name).orElseThrow().webhook();
            assertThat(webhook.url()).contains("/webhooks/evolution");
            assertThat(Database.webhookSecretHash(id)).isEqualTo(sha256(webhook.headers().get("x-evolution-secret")));

            assertThat(Health.sweep().status()).isEqualTo(200);
            assertThat(receiver.await(name, "resolved", Duration.ofSeconds(10)).getString("resolution"))
                    .isEqualTo("our webhook and its secret are set again");
            assertThat(Integrations.audit("org-recreated-1").stream()
                    .filter(e -> e.getString("action").equals("instance.recreated"))).as("reported once").hasSize(1);
        }
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
