package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class CreateIntegrationIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @AfterEach
    void healEvolution() {
        evolution.clearFaults();
        evolution.rotateApiKey(null);
    }

    @Test
    void createsOneInstanceWithOurWebhookThenReusesIt() throws Exception {
        var created = Integrations.create("org-create-1", Service.admin());
        assertThat(created.status()).isEqualTo(201);
        var integration = created.json().getJsonObject("integration");
        assertThat(created.json().getBoolean("reused")).isFalse();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/integrations/" + integration.getString("id")));
        String name = integration.getString("instance_name");
        assertThat(name).startsWith("clinic-org-create-1-");
        assertThat(integration.getString("status")).isEqualTo("pending");
        assertThat(created.body()).doesNotContainIgnoringCase("token").doesNotContain("secret");

        var instance = evolution.instance(name).orElseThrow();
        assertThat(instance.integration()).isEqualTo("WHATSAPP-BAILEYS");
        assertThat(instance.webhook().url()).isEqualTo(Stack.get().serverEnvironment().get("PUBLIC_URL")
                + "/integrations/webhooks/evolution");
        assertThat(instance.webhook().events()).containsExactlyInAnyOrder("CONNECTION_UPDATE", "QRCODE_UPDATED");
        String secret = instance.webhook().headers().get("x-evolution-secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Database.webhookSecretHash(integration.getString("id"))).isEqualTo(sha256(secret));
        assertThat(Database.rowsStoring(secret)).isZero();
        assertThat(integration.getString("evolution_server")).as("one server: 'default'").isEqualTo("default");

        var again = Integrations.create("org-create-1", Service.admin());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("reused")).isTrue();
        assertThat(again.json().getJsonObject("integration").getString("id")).isEqualTo(integration.getString("id"));
        assertThat(Integrations.of("org-create-1")).hasSize(1);
    }

    @Test
    void fiftyConcurrentCreatesMakeExactlyOneInstanceAndOneRow() throws Exception {
        evolution.resetCalls();
        var token = Service.admin();
        var pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Http.Answer>> calls = IntStream.range(0, 50)
                    .mapToObj(i -> (Callable<Http.Answer>) () -> Integrations.create("org-race-1", token)).toList();
            var answers = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            // beyond 8 waiting creates per organization, the others are told to retry (409 + Retry-After)
            assertThat(answers).extracting(Http.Answer::status).isSubsetOf(200, 201, 409);
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
            String id = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow()
                    .json().getJsonObject("integration").getString("id");
            assertThat(answers).filteredOn(a -> a.status() != 409)
                    .extracting(a -> a.json().getJsonObject("integration").getString("id")).containsOnly(id);
            assertThat(answers).filteredOn(a -> a.status() == 409)
                    .allSatisfy(a -> assertThat(a.headers().firstValue("Retry-After")).isPresent());
            // and every retry names the same integration
            long toldToRetry = answers.stream().filter(a -> a.status() == 409).count();
            for (long i = 0; i < toldToRetry; i++) {
                var again = Integrations.create("org-race-1", token);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().getJsonObject("integration").getString("id")).isEqualTo(id);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(evolution.calls("create")).isEqualTo(1);
        assertThat(evolution.instances()).filteredOn(i -> i.name().startsWith("clinic-org-race-1-")).hasSize(1);
        assertThat(Integrations.of("org-race-1")).hasSize(1);
    }

    @Test
    void aRowWhoseInstanceEvolutionConfirmsGoneIsRetiredAndReplaced() {
        var old = Integrations.createFor("org-stale-1");
        String oldName = old.getString("instance_name");
        try (var events = Events.subscribe()) {
            assertThat(Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            evolution.baseUrl() + "/instance/delete/" + oldName))
                    .header("apikey", evolution.apiKey()).DELETE().build()).status()).isEqualTo(200);

            var created = Integrations.create("org-stale-1", Service.admin());
            assertThat(created.status()).isEqualTo(201);
            var fresh = created.json().getJsonObject("integration");
            assertThat(fresh.getString("id")).isNotEqualTo(old.getString("id"));
            assertThat(Integrations.find(old.getString("id")).status()).isEqualTo(404);
            assertThat(Integrations.of("org-stale-1")).hasSize(1);
            events.await("instance.removed", oldName, Duration.ofSeconds(10));
            events.await("instance.created", fresh.getString("instance_name"), Duration.ofSeconds(10));
        }
        var audit = Http.get(Service.integrations("/audit?organization_id=org-stale-1"), Service.admin()).json();
        assertThat(audit.getJsonArray("entries").toString()).contains("system:create").contains("instance.deleted");
    }

    @Test
    void unreachableEvolutionIsNeverAMissingInstance() {
        var existing = Integrations.createFor("org-down-1");
        for (var fault : List.of(Fault.status("*", 500), Fault.reset("*"), Fault.status("*", 502), Fault.nonJson("*"))) {
            evolution.inject(fault);
            var answer = Integrations.create("org-down-1", Service.admin());
            evolution.clearFaults();
            assertThat(answer.status()).as(fault.toString()).isEqualTo(503);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().getString("type")).endsWith("/evolution-unavailable");
            assertThat(Integrations.find(existing.getString("id")).json().getString("status")).isEqualTo("pending");
        }
        assertThat(evolution.instance(existing.getString("instance_name"))).isPresent();
        assertThat(Integrations.of("org-down-1")).hasSize(1);
    }

    @Test
    void aSlowEvolutionTimesOutAsUnavailableAndNothingIsCreated() {
        evolution.inject(Fault.hang("create"));
        var answer = Integrations.create("org-slow-1", Service.admin());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(Integrations.of("org-slow-1")).isEmpty();
        evolution.clearFaults();
    }

    @Test
    void aWrongApiKeyDeletesNothingAndCreatesNothing() {
        var existing = Integrations.createFor("org-key-1");
        evolution.resetCalls();
        evolution.rotateApiKey("operator-rotated-the-key");
        // The instance is gone too: with a wrong key Evolution still answers 404 for unknown names.
        Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                evolution.baseUrl() + "/instance/delete/" + existing.getString("instance_name")))
                .header("apikey", "operator-rotated-the-key").DELETE().build());

        var answer = Integrations.create("org-key-1", Service.admin());
        assertThat(answer.status()).isEqualTo(503);
        assertThat(Integrations.find(existing.getString("id")).status()).isEqualTo(200);
        assertThat(evolution.calls("create")).isZero();
        assertThat(evolution.calls("delete")).isEqualTo(1); // only the test's own
    }

    @Test
    void anInstanceCreatedJustBeforeACrashIsAdoptedNotOrphaned() {
        String name = "clinic-org-crash-1-1763224272772";
        evolution.seed(SeedInstance.named(name));
        Database.expiredClaim("org-crash-1", name, sha256("secret-the-crashed-request-sent"));
        evolution.resetCalls();

        var answer = Integrations.create("org-crash-1", Service.admin());
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().getJsonObject("integration").getString("instance_name")).isEqualTo(name);
        assertThat(evolution.calls("create")).isZero();
        assertThat(Database.claimsOf("org-crash-1")).isZero();
        // not sure which request's secret the instance holds, so it gets a fresh one and the row its hash:
        // the service takes Evolution's deliveries with the fresh secret and refuses the crashed request's
        var webhook = evolution.instance(name).orElseThrow().webhook();
        assertThat(webhook.url()).endsWith("/integrations/webhooks/evolution");
        String fresh = webhook.headers().get("x-evolution-secret");
        assertThat(fresh).isNotEqualTo("secret-the-crashed-request-sent");
        assertThat(Database.webhookSecretHash(answer.json().getJsonObject("integration").getString("id")))
                .isEqualTo(sha256(fresh)).isNotEqualTo(sha256("secret-the-crashed-request-sent"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer() {
        var first = Integrations.create("org-idem-1", Service.admin(), "key-123");
        var second = Integrations.create("org-idem-1", Service.admin(), "key-123");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(Integrations.create("org-idem-1", Service.admin(), "key-456").status()).isEqualTo(200);
    }

    @Test
    void membersActForTheirOwnOrganizationOnly() {
        var own = Integrations.create("org-member-1", Service.member("org-member-1"));
        assertThat(own.status()).isEqualTo(201);
        String id = own.json().getJsonObject("integration").getString("id");

        assertThat(Integrations.create("org-member-2", Service.member("org-member-1")).status()).isEqualTo(403);
        assertThat(Http.get(Service.integrations("/" + id), Service.member("org-member-2")).status()).isEqualTo(404);
        assertThat(Http.delete(Service.integrations("/" + id), Service.member("org-member-2")).status()).isEqualTo(404);
        assertThat(Http.get(Service.integrations("?organization_id=org-member-2"), Service.member("org-member-1")).status())
                .isEqualTo(403);
        // "?": no organization_id, and the form Service moves below Payara's context-root redirect
        assertThat(Http.get(Service.integrations("?"), Service.member("org-member-1")).status()).isEqualTo(403);
        var list = Http.get(Service.integrations("?organization_id=org-member-1"), Service.member("org-member-1"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().getJsonArray("integrations")).hasSize(1);
        assertThat(Integrations.of("org-member-2")).isEmpty();

        var audit = Http.get(Service.integrations("/audit?organization_id=org-member-1"), Service.member("org-member-1"));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().getJsonArray("entries").getJsonObject(0).getString("action")).isEqualTo("instance.created");
        assertThat(audit.json().getJsonArray("entries").getJsonObject(0).getString("actor")).isEqualTo("user:bob");
        assertThat(Http.get(Service.integrations("/audit?organization_id=org-member-2"), Service.member("org-member-1")).status())
                .isEqualTo(403);
        assertThat(Http.get(Service.integrations("/audit"), Service.member("org-member-1")).status()).isEqualTo(403);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
