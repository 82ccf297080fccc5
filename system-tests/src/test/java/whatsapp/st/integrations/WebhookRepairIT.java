package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * An adopted instance gets a fresh webhook secret; when Evolution cannot be told it, the instance keeps a secret that
 * may match no stored hash. It is shown as {@code webhook_unverified} (answer and metric) and the secret is set again
 * in the background until Evolution takes it.
 */
class WebhookRepairIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
    }

    @Test
    void anAdoptedInstanceWhoseWebhookCouldNotBeSetIsFlaggedAndRepaired() {
        String name = "clinic-org-webhook-repair-1-1763224272772";
        evolution.seed(SeedInstance.named(name));
        Database.expiredClaim("org-webhook-repair-1", name, CreateIntegrationIT.sha256("secret-of-the-crashed-request"));
        evolution.inject(Fault.status("webhookSet", 500));

        var created = Integrations.create("org-webhook-repair-1", Service.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var integration = created.json().getJsonObject("integration");
        String id = integration.getString("id");
        assertThat(integration.getString("instance_name")).isEqualTo(name);
        assertThat(integration.getBoolean("webhook_unverified")).isTrue();
        assertThat(Integrations.find(id).json().getBoolean("webhook_unverified")).isTrue();
        assertThat(swept()).isEqualTo(200);
        assertThat(metric("whatsapp_webhooks_unverified")).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1.0));
        var status = statusReport();
        assertThat(status.getJsonObject("summary").getInt("webhook_unverified")).isGreaterThanOrEqualTo(1);
        assertThat(statusOf(status, name).getBoolean("webhook_unverified")).as("the status report shows it").isTrue();

        evolution.clearFaults();
        Poll.until(() -> !Integrations.find(id).json().getBoolean("webhook_unverified"), Duration.ofSeconds(60),
                "the webhook secret set again");
        String secret = evolution.instance(name).orElseThrow().webhook().headers().get("x-evolution-secret");
        assertThat(Database.webhookSecretHash(id)).isEqualTo(CreateIntegrationIT.sha256(secret));
        var delivered = WebhooksIT.deliver(secret, WebhooksIT.connectionUpdate(name, "connecting", 200, Instant.now()));
        assertThat(delivered.status()).as(delivered.body()).isBetween(200, 299);
        assertThat(swept()).isEqualTo(200);
        assertThat(metric("whatsapp_webhooks_unverified")).hasValue(0.0);
        assertThat(statusOf(statusReport(), name).getBoolean("webhook_unverified")).isFalse();
        assertThat(Integrations.delete(id).status()).isEqualTo(204);
    }

    @Test
    void aCreatedInstanceIsVerified() {
        var integration = Integrations.createFor("org-webhook-repair-2");
        assertThat(integration.getBoolean("webhook_unverified")).isFalse();
    }

    /** The whole status report (the test stack holds far fewer than 1,000 rows). */
    static JsonObject statusReport() {
        return Http.get(Service.maintenance("/health-check/status?limit=1000"), Service.admin()).json();
    }

    static JsonObject statusOf(JsonObject report, String instanceName) {
        return report.getJsonArray("instances").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("instance_name").equals(instanceName)).findFirst().orElseThrow();
    }

    static int swept() {
        return Http.post(Service.maintenance("/health-check"), Service.admin(), null, "").status();
    }

    static Optional<Double> metric(String name) {
        return Arrays.stream(Http.get(Service.management("/metrics"), null).body().split("\n"))
                .filter(line -> line.startsWith(name + "{"))
                .findFirst()
                .map(line -> Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)));
    }
}
