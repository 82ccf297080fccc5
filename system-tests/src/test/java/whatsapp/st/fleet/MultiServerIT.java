package whatsapp.st.fleet;

import whatsapp.st.systems.Stack;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import whatsapp.localstack.LocalStack;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Poll;

/**
 * A fleet of three Evolution servers (simulators a, b, c; capacities 2, 3, 5; c draining) behind a WildFly of its own
 * (port offset + 20, its own database, Redis and server directory), beside the shared one-server stack of the other
 * system tests. The tests build on each other, in order: placement fills a and b, later calls follow the rows, a sweep
 * and a cleanup run with one server down, a number paired on two servers, and what operators see.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiServerIT {

    static final Map<String, String> SETTINGS = whatsapp.st.systems.Stack.with(whatsapp.st.systems.Stack.BASE_SETTINGS,
            Map.entry("EVOLUTION_CAPACITY_A", "2"),
            Map.entry("EVOLUTION_CAPACITY_B", "3"),
            Map.entry("EVOLUTION_CAPACITY_C", "5"),
            Map.entry("EVOLUTION_DRAINING_C", "true"));
    static final Instant OLD = Instant.now().minus(Duration.ofHours(2));

    static LocalStack stack;
    static final Map<String, String> instances = new java.util.HashMap<>();   // organization → instance name
    static final Map<String, String> ids = new java.util.HashMap<>();         // organization → integration id

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(Path.of(System.getProperty("stack.dir", "target/local-stack") + "-fleet"),
                Path.of(System.getProperty("wildfly.home", "../ear/target/server")), true, false, SETTINGS,
                Stack.PORT_OFFSET + 20, List.of("a", "b", "c"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) stack.close();
    }

    static EvolutionSimulator evolution(String server) {
        return stack.simulator(server);
    }

    static String admin() {
        return stack.tokens().admin("alice");
    }

    static String url(String path) {
        return stack.server().httpUrl() + path;
    }

    static Http.Answer create(String organization) {
        var answer = Http.post(url("/integrations/whatsapp"), admin(), "application/json",
                "{\"organization_id\":\"" + organization + "\"}");
        if (answer.status() == 201) {
            var integration = answer.json().getJsonObject("integration");
            instances.put(organization, integration.getString("instance_name"));
            ids.put(organization, integration.getString("id"));
        }
        return answer;
    }

    static String serverOf(String organization) {
        var name = instances.get(organization);
        for (var server : List.of("a", "b", "c")) if (evolution(server).instance(name).isPresent()) return server;
        return null;
    }

    static JsonObject sweep() {
        var answer = Http.post(url("/maintenance/health-check"), admin(), null, "");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().containsKey("health_summary")).as(answer.body()).isTrue();
        return answer.json().getJsonObject("health_summary");
    }

    static JsonObject server(JsonObject summary, String name) {
        return summary.getJsonArray("servers").getValuesAs(JsonObject.class).stream()
                .filter(server -> server.getString("name").equals(name)).findFirst().orElseThrow();
    }

    static String status(String organization) {
        return Http.get(url("/integrations/" + ids.get(organization)), admin()).json().getString("status");
    }

    @Test
    @Order(1)
    void placementTakesTheReachableNonDrainingServerWithTheMostFreeSlots() {
        evolution("b").inject(Fault.status("*", 500));
        assertThat(create("org-fleet-1").status()).isEqualTo(201);
        assertThat(serverOf("org-fleet-1")).as("b has more free slots but does not answer").isEqualTo("a");

        evolution("b").clearFaults();
        Poll.pause(5500); // b's failed probe is reused for 5 s
        for (int i = 2; i <= 5; i++) assertThat(create("org-fleet-" + i).status()).isEqualTo(201);
        // a 1 of 2, b 0 of 3 → b (3 free), b (2 free), a (tie 1:1, configured first), b (1 free)
        assertThat(serverOf("org-fleet-2")).isEqualTo("b");
        assertThat(serverOf("org-fleet-3")).isEqualTo("b");
        assertThat(serverOf("org-fleet-4")).isEqualTo("a");
        assertThat(serverOf("org-fleet-5")).isEqualTo("b");
        for (int i = 1; i <= 5; i++)
            assertThat(Http.get(url("/integrations/" + ids.get("org-fleet-" + i)), admin()).json().getString("evolution_server"))
                    .as("the answer names the row's server").isEqualTo(serverOf("org-fleet-" + i));
        assertThat(evolution("c").instances()).as("draining: no new instance").isEmpty();

        var full = create("org-fleet-6");
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.isProblem()).isTrue();
        assertThat(full.json().getString("detail")).contains("a: full (2 of 2)", "b: full (3 of 3)", "c: draining");
    }

    @Test
    @Order(2)
    void everyLaterCallGoesToTheRowsServer() {
        evolution("a").resetCalls();
        evolution("b").resetCalls();
        var qr = Http.get(url("/integrations/" + ids.get("org-fleet-3") + "/qr"), admin());
        assertThat(qr.status()).as(qr.body()).isEqualTo(200);
        assertThat(evolution("b").calls("connect")).isEqualTo(1);
        assertThat(evolution("a").calls("connect")).isZero();

        var reuse = Http.post(url("/integrations/whatsapp"), admin(), "application/json", "{\"organization_id\":\"org-fleet-2\"}");
        assertThat(reuse.status()).as("looked up on b, where it lives").isEqualTo(200);

        assertThat(Http.delete(url("/integrations/" + ids.get("org-fleet-4")), admin()).status()).isEqualTo(204);
        assertThat(evolution("a").instance(instances.get("org-fleet-4"))).isEmpty();
        assertThat(evolution("a").calls("fetchInstances") + evolution("a").calls("delete")).isPositive();
        assertThat(evolution("b").calls("delete")).isZero();
    }

    @Test
    @Order(3)
    void noServerFitsWhenTheOneWithAFreeSlotDoesNotAnswer() {
        // a has a free slot again (org-fleet-4 was deleted), b is full, c draining: a not answering leaves nothing
        evolution("a").inject(Fault.status("*", 500));
        try {
            Poll.pause(5500); // a's answering probe of the last create is reused for 5 s
            var none = create("org-fleet-7");
            assertThat(none.status()).as(none.body()).isEqualTo(503);
            assertThat(none.isProblem()).isTrue();
            assertThat(none.json().getString("detail")).contains("a: unreachable", "b: full (3 of 3)", "c: draining");
            assertThat(evolution("a").instances()).as("nothing created on a").hasSize(1);
        } finally {
            evolution("a").clearFaults();
        }
        Poll.pause(5500); // a's failed probe is reused for 5 s: later tests must not see it
    }

    @Test
    @Order(4)
    void aSweepWithOneServerDownLeavesItsInstancesUnchanged() {
        evolution("a").pair(instances.get("org-fleet-1"), "5511900000001");
        // the pairing's webhook first: a sweep racing it reads the row as pending, finds it connected when it writes
        // (no change of its own) and counts it unhealthy in its summary; the next sweep counts it right
        Poll.until(() -> status("org-fleet-1").equals("connected"), Duration.ofSeconds(10), "the pairing webhook applied");
        var before = status("org-fleet-3");
        // org-fleet-3 came online on b without a webhook: only a listing of b can tell
        evolution("b").seed(SeedInstance.named(instances.get("org-fleet-3")).status("open")
                .ownerJid("5511900000003@s.whatsapp.net").createdAt(OLD));
        evolution("b").inject(Fault.status("*", 500));
        try {
            var summary = sweep();
            assertThat(server(summary, "a").getBoolean("reachable")).isTrue();
            assertThat(server(summary, "a").getInt("instances")).isEqualTo(1);
            assertThat(server(summary, "a").getInt("healthy")).isEqualTo(1);
            assertThat(server(summary, "b").getBoolean("reachable")).isFalse();
            assertThat(server(summary, "b").getString("error")).isNotBlank();
            assertThat(server(summary, "b").getInt("instances")).isEqualTo(3);
            assertThat(server(summary, "b").getInt("healthy")).isZero();
            assertThat(server(summary, "b").containsKey("duration_seconds")).isTrue();
            assertThat(server(summary, "c").getBoolean("reachable")).isTrue();
            assertThat(server(summary, "c").getInt("instances")).isZero();
            assertThat(summary.getInt("total_instances")).as("over the whole fleet").isEqualTo(4);
            assertThat(summary.getInt("healthy")).isEqualTo(1);
            assertThat(status("org-fleet-1")).isEqualTo("connected");
            assertThat(status("org-fleet-3")).as("b was not listed: unchanged").isEqualTo(before).isNotEqualTo("connected");
        } finally {
            evolution("b").clearFaults();
        }
        var again = sweep();
        assertThat(server(again, "b").getBoolean("reachable")).isTrue();
        assertThat(status("org-fleet-3")).isEqualTo("connected");
        evolution("b").pair(instances.get("org-fleet-2"), "5511900000002");
    }

    @Test
    @Order(5)
    void aNumberPairedOnTwoServersIsADuplicate() {
        evolution("b").pair(instances.get("org-fleet-5"), "5511900000001"); // org-fleet-1's number, on a
        var check = Http.get(url("/maintenance/orphaned-instances/check"), admin());
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        var duplicates = check.json().getJsonArray("duplicate_numbers").getValuesAs(JsonObject.class);
        assertThat(duplicates).hasSize(1);
        var duplicate = duplicates.get(0);
        assertThat(duplicate.getString("phone_number")).isEqualTo("5511900000001");
        var names = duplicate.getJsonArray("instances").getValuesAs(JsonString::getString);
        var servers = duplicate.getJsonArray("servers").getValuesAs(JsonString::getString);
        assertThat(names).containsExactlyInAnyOrder(instances.get("org-fleet-1"), instances.get("org-fleet-5"));
        assertThat(servers.get(names.indexOf(instances.get("org-fleet-1")))).isEqualTo("a");
        assertThat(servers.get(names.indexOf(instances.get("org-fleet-5")))).isEqualTo("b");

        var cleanup = Http.post(url("/maintenance/cleanup-orphaned-instances"), admin(), null, "");
        assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(200);
        assertThat(cleanup.json().getJsonObject("cleanup_summary").getJsonArray("duplicate_numbers")).hasSize(1);
        for (var organization : List.of("org-fleet-1", "org-fleet-5")) {
            var audit = Http.get(url("/integrations/audit?organization_id=" + organization + "&limit=50"), admin());
            assertThat(audit.body()).as(organization).contains("duplicate_number.detected")
                    .contains(instances.get("org-fleet-1") + " (server a)").contains(instances.get("org-fleet-5") + " (server b)");
        }
        var events = Http.get(url("/integrations/events?after=0&limit=1000"), admin());
        assertThat(events.body()).contains("instance.duplicate_number");
        assertThat(evolution("a").instance(instances.get("org-fleet-1"))).as("both referenced: kept").isPresent();
        assertThat(evolution("b").instance(instances.get("org-fleet-5"))).isPresent();
    }

    @Test
    @Order(6)
    void orphansAndGuardsArePerServer() {
        var orphanA = "clinic-org-fleet-gone-a-" + OLD.toEpochMilli();
        var orphanC = "clinic-org-fleet-gone-c-" + OLD.toEpochMilli();
        evolution("a").seed(SeedInstance.named(orphanA).status("close").createdAt(OLD));
        evolution("c").seed(SeedInstance.named(orphanC).status("close").createdAt(OLD));
        evolution("b").inject(Fault.emptyList("fetchInstances"));
        try {
            var cleanup = Http.post(url("/maintenance/cleanup-orphaned-instances"), admin(), null, "");
            assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(200);
            var summary = cleanup.json().getJsonObject("cleanup_summary");
            assertThat(summary.getBoolean("aborted")).isTrue();
            assertThat(summary.getString("abort_reason")).startsWith("b: ").doesNotContain("a: ").doesNotContain("c: ");
            assertThat(evolution("a").instance(orphanA)).as("a's part ran").isEmpty();
            assertThat(evolution("c").instance(orphanC)).as("c's part ran").isEmpty();
            for (var organization : List.of("org-fleet-2", "org-fleet-3", "org-fleet-5"))
                assertThat(Http.get(url("/integrations/" + ids.get(organization)), admin()).status())
                        .as("b's empty listing retires none of its rows").isEqualTo(200);
        } finally {
            evolution("b").clearFaults();
        }
    }

    @Test
    @Order(7)
    void aFailedListingOfOneServerIsReportedAndSkipsOnlyItsPart() {
        var orphanA = "clinic-org-fleet-gone-a2-" + OLD.toEpochMilli();
        evolution("a").seed(SeedInstance.named(orphanA).status("close").createdAt(OLD));
        evolution("b").inject(Fault.status("*", 500));
        try {
            var summary = sweep();
            assertThat(server(summary, "b").getBoolean("reachable")).isFalse();
            assertThat(server(summary, "b").getString("error")).isNotBlank();
            var metrics = Http.get(stack.server().managementUrl() + "/metrics", null).body();
            assertThat(metrics).containsPattern("whatsapp_server_reachable\\{[^}]*server=\"b\"} 0\\.0")
                    .containsPattern("whatsapp_server_reachable\\{[^}]*server=\"a\"} 1\\.0")
                    .containsPattern("whatsapp_server_instances\\{[^}]*server=\"b\"} 3\\.0")
                    .containsPattern("evolution_requests_seconds_count\\{[^}]*server=\"a\"")
                    .containsPattern("evolution_requests_seconds_count\\{[^}]*server=\"b\"");

            var cleanup = Http.post(url("/maintenance/cleanup-orphaned-instances"), admin(), null, "");
            assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(200);
            var cleaned = cleanup.json().getJsonObject("cleanup_summary");
            assertThat(cleaned.getBoolean("aborted")).isTrue();
            assertThat(cleaned.getString("abort_reason")).startsWith("b: not listed").doesNotContain("a: ");
            assertThat(evolution("a").instance(orphanA)).as("a's part ran").isEmpty();
            for (var organization : List.of("org-fleet-2", "org-fleet-3", "org-fleet-5"))
                assertThat(Http.get(url("/integrations/" + ids.get(organization)), admin()).status())
                        .as("b's failed listing retires none of its rows").isEqualTo(200);

            // readiness depends on PostgreSQL and Redis only: a server down is data (its ping is cached up to 30 s)
            Poll.until(() -> Http.get(stack.server().managementUrl() + "/health/ready", null).body()
                    .matches("(?s).*\"server\\.b\"\\s*:\\s*\"unreachable.*"), Duration.ofSeconds(40), "b unreachable in /health/ready");
            var ready = Http.get(stack.server().managementUrl() + "/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).containsPattern("\"server\\.a\"\\s*:\\s*\"reachable\"");
        } finally {
            evolution("b").clearFaults();
        }
    }

    @Test
    @Order(8)
    void operatorsSeeEachServerNeverAKey() throws Exception {
        try (var db = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
             var insert = db.prepareStatement("""
                     INSERT INTO integrations.integrations (id, organization_id, instance_name, status, enabled, created_at,
                         updated_at, evolution_server)
                     VALUES (gen_random_uuid(), 'org-fleet-removed', 'clinic-org-fleet-removed-1', 'connected', true, now(),
                         now(), 'gone')""")) {
            insert.executeUpdate();
        }
        var answer = Http.get(url("/maintenance/evolution-servers"), admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("local-simulator-key").doesNotContain(LocalStack.SIMULATOR_KEY);
        var servers = answer.json().getJsonArray("servers").getValuesAs(JsonObject.class);
        assertThat(servers).extracting(server -> server.getString("name")).containsExactly("a", "b", "c", "gone");
        var a = servers.get(0);
        assertThat(a.getString("host")).isEqualTo("127.0.0.1:" + evolution("a").port());
        assertThat(a.getInt("capacity")).isEqualTo(2);
        assertThat(a.getBoolean("reachable")).isTrue();
        assertThat(a.getBoolean("configured")).isTrue();
        assertThat(a.getJsonObject("instances_by_status").getInt("connected")).isEqualTo(1);
        assertThat(a.containsKey("last_listed_at")).isTrue();
        assertThat(servers.get(2).getBoolean("draining")).isTrue();
        var gone = servers.get(3);
        assertThat(gone.getBoolean("configured")).isFalse();
        assertThat(gone.getJsonObject("instances_by_status").getInt("connected")).isEqualTo(1);

        var member = Http.get(url("/maintenance/evolution-servers"), stack.tokens().member("bob", "org-fleet-1"));
        assertThat(member.status()).isEqualTo(403);

        var summary = sweep();
        assertThat(server(summary, "gone").getBoolean("configured")).isFalse();
        assertThat(server(summary, "gone").getBoolean("reachable")).isFalse();
        var rowStatus = Http.get(url("/integrations?organization_id=org-fleet-removed"), admin()).body();
        assertThat(rowStatus).as("never taken for gone").contains("\"connected\"").doesNotContain("\"missing\"");

        var ready = Http.get(stack.server().managementUrl() + "/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("server.a", "server.b", "server.c").doesNotContain("local-simulator-key");

        var log = Files.readString(Path.of(System.getProperty("stack.dir", "target/local-stack") + "-fleet", "server.log"));
        assertThat(log).contains("EVOLUTION_URL is ignored").doesNotContain("local-simulator-key");
    }

    @Test
    @Order(9)
    void everySweepAnswerKeepsTheJsonContract() {
        // with three servers listed in parallel, 8 of 150 sweep answers in a row came out camelCase (runtime default
        // JSON-B) before JsonContractWriter; one server: none
        int camel = 0;
        for (int i = 0; i < 100; i++) {
            var body = Http.post(url("/maintenance/health-check"), admin(), null, "").body();
            if (!body.contains("\"health_summary\"") || !body.matches("(?s).*\"completed_at\":\"[^\"]*\\.\\d{3}Z\".*")) camel++;
        }
        assertThat(camel).as("answers not in the snake_case, millisecond contract").isZero();
    }
}
