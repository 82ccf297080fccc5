package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import whatsapp.localstack.WildFlyProcess;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * Two real WildFly nodes over one PostgreSQL, one Redis and one Evolution (the stack's first node and a second one
 * at port offset +40, its own base directory): what the contract promises "once per cluster" holds across them:
 * one instance for concurrent creates, one application of a webhook retried at both nodes, one scheduled run at a
 * time, and a dead holder's run handed over.
 * Both nodes run the health and cleanup schedules every 5 seconds (the first node is restarted with them for the
 * schedule test and restored afterwards, so that no other test sees a timer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int CREATES = 50;
    /** Every 5 seconds on both nodes; the two nodes' timers fire at the same wall-clock seconds. */
    static final Map<String, String> SCHEDULES = Map.of(
            "HEALTH_CHECK_SCHEDULE", "second=*/5;minute=*",
            "CLEANUP_SCHEDULE", "second=*/5;minute=*");
    static final Duration SCHEDULED_FOR = Duration.ofSeconds(60);

    static WildFlyProcess first;
    static WildFlyProcess second;
    static boolean firstRestarted;
    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    @BeforeAll
    static void twoNodes() {
        first = Stack.get().server();
        second = Stack.secondNode(SCHEDULES);
    }

    @AfterAll
    static void oneNodeAgain() throws Exception {
        Stack.get().simulator().orElseThrow().clearFaults();
        Stack.stopSecondNode();
        if (firstRestarted) Stack.get().restartServer(Map.of()); // its test settings again: no timers
    }

    @Test
    @Order(0)
    void eachNodeBootsUnderItsOwnNameAndTransactionsIdentifier() throws Exception {
        var stackDir = java.nio.file.Path.of(System.getProperty("stack.dir", "target/local-stack"));
        var logs = Map.of(first, stackDir.resolve("server.log"), second, stackDir.resolve("node-2/server.log"));
        for (var node : List.of(first, second)) {
            String log = java.nio.file.Files.readString(logs.get(node));
            String lastBoot = log.substring(Math.max(0, log.lastIndexOf("WFLYSRV0049")));
            String name = nodeName(node).substring("schedule@".length());
            assertThat(lastBoot).as("the boot line of " + name)
                    .contains("Node " + name + " (runs triggered_by schedule@" + name + ", transactions node-identifier " + name + ")");
            assertThat(lastBoot).as("WildFly's warning about a node-identifier left at its default")
                    .doesNotContain("WFLYTX0013");
        }
        // its meters exist once it swept (every 5 s)
        Poll.until(() -> Http.get(second.managementUrl() + "/metrics", null).body().contains("whatsapp_instances{"),
                Duration.ofSeconds(20), "the second node's fleet gauges");
        String metrics = Http.get(second.managementUrl() + "/metrics", null).body();
        assertThat(metrics.lines().filter(line -> line.startsWith("whatsapp_instances{")))
                .as("the second node's meters carry its name").isNotEmpty()
                .allMatch(line -> line.contains("node=\"" + nodeName(second).substring("schedule@".length()) + "\""));
    }

    @Test
    @Order(1)
    void fiftyConcurrentCreatesForOneOrganizationOverBothNodesMakeOneInstance() throws Exception {
        String organization = "org-cluster-creates";
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = Service.admin();
        var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < CREATES; i++) {
            var node = i % 2 == 0 ? first : second;
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(node.httpUrl() + "/integrations/whatsapp"))
                    .timeout(Duration.ofSeconds(90)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();

        var byStatus = new TreeMap<Integer, Integer>();
        var ids = new java.util.HashSet<String>();
        var answeredBy = new TreeMap<String, Integer>();
        for (int i = 0; i < CREATES; i++) {
            var answer = answers.get(i).get();
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 409) {
                assertThat(answer.headers().firstValue("Retry-After")).as("a 409 of the waiter cap says when to retry: " + answer.body()).isPresent();
                continue;
            }
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
            ids.add(jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject()
                    .getJsonObject("integration").getString("id"));
            answeredBy.merge(i % 2 == 0 ? "first" : "second", 1, Integer::sum);
        }
        System.out.println("ClusterIT creates: answers by status " + byStatus + ", 200/201 by node " + answeredBy);
        assertThat(ids).as("the integration of every 200/201 answer").hasSize(1);
        assertThat(answeredBy).as("both nodes answered with the integration").containsKeys("first", "second");
        assertThat(evolution.instances().stream().filter(i -> i.name().startsWith("clinic-" + organization + "-")))
                .as("Evolution instances of " + organization).hasSize(1);
        assertThat(Integrations.of(organization)).as("rows of " + organization).hasSize(1);
    }

    @Test
    @Order(2)
    void oneWebhookArrivingAtBothNodesAtOnceIsAppliedOnce() throws Exception {
        var integration = Integrations.createFor("org-cluster-webhook");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        String secret = evolution.instance(name).orElseThrow().webhook().headers().get("x-evolution-secret");
        // Evolution retrying one delivery (a logout, 401) while a load balancer spreads the retries over both nodes
        String body = "{\"event\":\"connection.update\",\"instance\":\"" + name + "\",\"data\":{\"instance\":\"" + name
                + "\",\"state\":\"close\",\"statusReason\":401},\"date_time\":\"" + Instant.now() + "\"}";
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (var events = whatsapp.st.systems.Events.subscribe()) {
            var deliveries = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 20; i++) {
                var node = i % 2 == 0 ? first : second;
                deliveries.add(client.sendAsync(HttpRequest.newBuilder(URI.create(node.httpUrl() + "/integrations/webhooks/evolution"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("x-evolution-secret", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var delivery : deliveries) assertThat(delivery.get().statusCode()).as(delivery.get().body()).isBetween(200, 299);
            events.await("instance.status_changed", name, Duration.ofSeconds(10));
            Poll.pause(2_000); // a second application would have published by now
            assertThat(events.received().stream().filter(e -> e.getString("type").equals("instance.status_changed"))
                    .filter(e -> e.getString("instance_name").equals(name))).as("status changes published for " + name).hasSize(1);
        }
        assertThat(Integrations.find(id).json().getString("status")).isEqualTo("disconnected");
    }

    @Test
    @Order(3)
    void schedulesOnBothNodesNeverRunTwiceAtOnce() throws Exception {
        firstRestarted = true;
        first = Stack.get().restartServer(SCHEDULES);
        // a run takes 2 s: long enough that the other node's firing of the same second finds the lease taken
        evolution.inject(Fault.latency("fetchInstances", Duration.ofSeconds(2)));
        Instant from = Instant.now();
        Poll.pause(SCHEDULED_FOR.toMillis());
        evolution.clearFaults();
        Instant until = Instant.now();
        Poll.pause(3_000); // the run of the last firing finishes

        String firstNode = nodeName(first);
        String secondNode = nodeName(second);
        long ticks = SCHEDULED_FOR.toSeconds() / 5;
        for (String type : List.of("health", "cleanup")) {
            var runs = Http.get(Service.maintenance("/runs?type=" + type + "&limit=500"), Service.admin()).json()
                    .getJsonArray("runs").getValuesAs(JsonObject.class).stream()
                    .filter(run -> run.getString("triggered_by").startsWith("schedule"))
                    .filter(run -> !at(run, "started_at").isBefore(from) && at(run, "started_at").isBefore(until))
                    .sorted(Comparator.comparing(run -> at(run, "started_at")))
                    .toList();
            var real = runs.stream().filter(run -> !run.getString("outcome").equals("skipped")).toList();
            var skipped = runs.stream().filter(run -> run.getString("outcome").equals("skipped")).toList();
            Map<String, Long> realByNode = real.stream().collect(Collectors.groupingBy(run -> run.getString("triggered_by"), TreeMap::new, Collectors.counting()));
            Map<String, Integer> skipsByNode = skipped.stream().collect(Collectors.toMap(run -> run.getString("triggered_by"),
                    run -> run.getJsonObject("summary").getInt("skips", 1), Integer::sum, TreeMap::new));
            System.out.println("ClusterIT " + type + " runs in " + SCHEDULED_FOR.toSeconds() + " s (" + ticks
                    + " firings per node): run by node " + realByNode + ", skipped by node " + skipsByNode
                    + ", outcomes " + real.stream().collect(Collectors.groupingBy(run -> run.getString("outcome"), TreeMap::new, Collectors.counting())));

            assertThat(real).as(type + " runs").isNotEmpty();
            assertThat(realByNode.keySet()).as("who ran the " + type + " runs").isSubsetOf(firstNode, secondNode);
            for (var run : real) assertThat(run.getString("outcome")).as(type + " run " + run).isNotEqualTo("running");
            for (int i = 1; i < real.size(); i++) {
                assertThat(at(real.get(i), "started_at")).as(type + " run " + real.get(i).getString("id")
                        + " started before the previous one (" + real.get(i - 1).getString("id") + ") had completed")
                        .isAfterOrEqualTo(at(real.get(i - 1), "completed_at"));
            }
            Map<Long, Long> perFiring = real.stream().collect(Collectors.groupingBy(run -> at(run, "started_at").getEpochSecond() / 5, Collectors.counting()));
            assertThat(perFiring.values()).as(type + " runs per 5-second firing (none stacked behind another)").allMatch(n -> n == 1);
            assertThat(real.size()).as(type + " runs: at most one per firing").isLessThanOrEqualTo((int) ticks + 1);
            assertThat(skipsByNode).as("the other node's firings found the " + type + " lease taken").isNotEmpty();
        }
    }

    @Test
    @Order(4)
    void killingTheNodeThatHoldsTheRunLockHandsTheNextSweepToTheOther() throws Exception {
        if (!firstRestarted) {
            firstRestarted = true;
            first = Stack.get().restartServer(SCHEDULES);
        }
        Instant from = Instant.now();
        // a sweep now outlasts a firing period: the holder is caught in the middle of it
        evolution.inject(Fault.latency("fetchInstances", Duration.ofSeconds(8)));
        var running = new JsonObject[1];
        Poll.until(() -> {
            running[0] = runs(second, "health").stream().filter(run -> run.getString("outcome").equals("running"))
                    .filter(run -> !at(run, "started_at").isBefore(from)).findFirst().orElse(null);
            return running[0] != null;
        }, Duration.ofSeconds(20), "a scheduled sweep running");
        String holder = running[0].getString("triggered_by");
        var killed = holder.equals(nodeName(first)) ? first : second;
        var survivor = killed == first ? second : first;
        killed.kill();
        Instant killedAt = Instant.now();
        evolution.clearFaults();

        var next = new JsonObject[1];
        Poll.until(() -> {
            next[0] = runs(survivor, "health").stream().filter(run -> run.getString("triggered_by").equals(nodeName(survivor)))
                    .filter(run -> !run.getString("outcome").equals("skipped"))
                    .filter(run -> at(run, "started_at").isAfter(killedAt)).findFirst().orElse(null);
            return next[0] != null;
        }, Duration.ofSeconds(30), "a sweep by the surviving node");
        // the lease runs out within two renewal periods (RUN_LOCK_RENEW_SECONDS=1) of the kill; the survivor's next
        // firing (every 5 s) after that takes it; a second of slack for a timer late on this busy machine
        Instant leaseGone = killedAt.plusSeconds(2);
        Instant nextFiring = Instant.ofEpochSecond((leaseGone.getEpochSecond() / 5 + 1) * 5);
        System.out.println("ClusterIT kill -9: " + holder + " killed mid-sweep at " + killedAt + "; " + next[0].getString("triggered_by")
                + " swept at " + next[0].getString("started_at") + " (" + Duration.between(killedAt, at(next[0], "started_at")).toMillis() + " ms later)");
        assertThat(at(next[0], "started_at")).as("the survivor's first sweep after the kill").isBefore(nextFiring.plusSeconds(1));

        var abandoned = new JsonObject[1];
        Poll.until(() -> {
            abandoned[0] = runs(survivor, "health").stream().filter(run -> run.getString("id").equals(running[0].getString("id")))
                    .findFirst().orElseThrow();
            return !abandoned[0].getString("outcome").equals("running");
        }, Duration.ofSeconds(10), "the killed node's sweep recorded as ended");
        assertThat(abandoned[0].getString("outcome")).isEqualTo("failed");
        assertThat(abandoned[0].getJsonObject("summary").getString("reason")).isEqualTo("abandoned");
    }

    static List<JsonObject> runs(WildFlyProcess node, String type) {
        return Http.get(node.httpUrl() + "/maintenance/runs?type=" + type + "&limit=50", Service.admin()).json()
                .getJsonArray("runs").getValuesAs(JsonObject.class);
    }

    static String nodeName(WildFlyProcess node) {
        return "schedule@127.0.0.1:" + node.httpUrl().substring(node.httpUrl().lastIndexOf(':') + 1);
    }

    static Instant at(JsonObject run, String field) {
        return OffsetDateTime.parse(run.getString(field)).toInstant();
    }
}
