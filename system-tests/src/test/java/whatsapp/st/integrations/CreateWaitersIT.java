package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Creates that wait for an organization's creation in flight hold a request thread each: beyond a few per organization
 * they are answered {@code 409} with {@code Retry-After} at once, so that a burst of them (a hanging Evolution, a
 * frontend retrying in a loop) never starves the reads and Evolution's webhooks.
 */
class CreateWaitersIT {

    static final int BURST = 64;

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
    }

    @Test
    void sixtyFourCreatesForOneOrganizationWhileEvolutionHangsLeaveReadsAndWebhooksFast() throws Exception {
        var other = Integrations.createFor("org-waiters-other");
        String otherId = other.getString("id");
        String otherName = other.getString("instance_name");
        String secret = evolution.instance(otherName).orElseThrow().webhook().headers().get("x-evolution-secret");

        evolution.inject(Fault.hang("create"));
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = Service.admin();
        var burst = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < BURST; i++) {
            burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(Service.integrations("/whatsapp")))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"org-waiters-1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Poll.until(() -> evolution.calls("create") >= 1, Duration.ofSeconds(10), "a create reaching the hanging Evolution");
        // every request of the burst has arrived and waits, or was turned away (at most 5 s)
        Instant settled = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(settled) && burst.stream().filter(CompletableFuture::isDone).count() < BURST - 16) {
            Poll.pause(100);
        }

        var reads = new ArrayList<Duration>();
        var webhooks = new ArrayList<Duration>();
        for (int i = 0; i < 5; i++) {
            Instant started = Instant.now();
            assertThat(Integrations.find(otherId).status()).isEqualTo(200);
            reads.add(Duration.between(started, Instant.now()));
            started = Instant.now();
            var delivered = WebhooksIT.deliver(secret, WebhooksIT.connectionUpdate(otherName, "connecting", 200, Instant.now()));
            assertThat(delivered.status()).as(delivered.body()).isBetween(200, 299);
            webhooks.add(Duration.between(started, Instant.now()));
            Poll.pause(300);
        }
        assertThat(reads).as("GET /integrations/{id} of another organization during the burst")
                .allMatch(took -> took.compareTo(Duration.ofSeconds(1)) < 0);
        assertThat(webhooks).as("webhook deliveries during the burst").allMatch(took -> took.compareTo(Duration.ofSeconds(1)) < 0);

        evolution.clearFaults();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : burst) answers.add(answer.get(120, TimeUnit.SECONDS));
        var turnedAway = answers.stream().filter(a -> a.statusCode() == 409).toList();
        assertThat(turnedAway).as("waiters beyond the cap are turned away").hasSizeGreaterThanOrEqualTo(BURST - 16);
        assertThat(turnedAway).allSatisfy(a -> {
            assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(a.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        });
        assertThat(answers).extracting(HttpResponse::statusCode).isSubsetOf(200, 201, 409, 503);
    }
}
