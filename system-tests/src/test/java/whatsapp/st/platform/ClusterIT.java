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
import whatsapp.localstack.RoundRobinFront;
import whatsapp.localstack.WildFlyProcess;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Cache;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.PairingEvents;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;
import whatsapp.st.systems.StreamConsumer;

/**
 * Two real WildFly nodes over one PostgreSQL, one Redis and one Evolution (the stack's first node and a second one
 * at port offset +40, its own base directory): what the contract promises "once per cluster" holds across them:
 * one instance for concurrent creates, one application of a webhook retried at both nodes, a pairing stream fed by
 * the other node's webhooks, one scheduled run at a time, a dead node's run, deletion and outbox batch handed over,
 * and a rolling restart behind a round-robin front that fails no request.
 * Both nodes run the health and cleanup schedules every 5 seconds (the first node is restarted with them for the
 * schedule test and with the tests' settings again in the rolling restart, so that no other test sees a timer).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int CREATES = 50;
    /**
     * Every 5 seconds on both nodes (the two nodes' timers fire at the same wall-clock seconds), and a pending
     * deletion's lease of 10 s (above one deletion's worst case with the tests' 2-second timeouts) so that a dead
     * node's deletion is taken over soon; a fleet listing may take 40 s, so that a sweep can be held up long enough
     * to be caught running.
     */
    static final Map<String, String> SCHEDULES = Map.of(
            "HEALTH_CHECK_SCHEDULE", "second=*/5;minute=*",
            "CLEANUP_SCHEDULE", "second=*/5;minute=*",
            "DELETION_LEASE_SECONDS", "10",
            "EVOLUTION_LIST_TIMEOUT_MS", "40000");
    static final Duration SCHEDULED_FOR = Duration.ofSeconds(30);

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
        if (firstRestarted || !first.running()) Stack.get().restartServer(Map.of()); // its test settings again: no timers
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

    /**
     * A clinic re-pairing through a load balancer: the session is started on one node and the frontend's stream held
     * by the other, while Evolution sends its {@code qrcode.updated} and {@code connection.update} webhooks to the
     * first. The stream on the second node sees each new code, then {@code connected}.
     */
    @Test
    @Order(3)
    void aPairingStreamHeldOnOneNodeSeesWebhooksReceivedByTheOther() throws Exception {
        evolution.qrRotation(Duration.ofSeconds(1)); // for the sessions started from now on
        try {
            var integration = Integrations.createFor("org-cluster-pairing");
            String id = integration.getString("id");
            String token = Service.member("org-cluster-pairing");
            assertThat(Http.post(first.httpUrl() + "/integrations/" + id + "/pairing", token, "application/json", "{}").status())
                    .as("the session started on the first node").isEqualTo(201);
            try (var stream = PairingEvents.open(second.httpUrl() + "/integrations", id, token, null)) {
                Poll.until(() -> stream.named("qr").size() >= 3, Duration.ofSeconds(15), "new codes on the second node's stream");
                assertThat(evolution.instance(integration.getString("instance_name")).orElseThrow().webhook().url())
                        .as("Evolution's webhooks go to the first node").startsWith(first.httpUrl());
                evolution.pair(integration.getString("instance_name"), "5511977770001");
                Poll.until(() -> !stream.named("connected").isEmpty(), Duration.ofSeconds(15), "connected on the second node's stream");
                assertThat(stream.named("qr").stream().map(e -> e.json().getString("qr_base64")).distinct().count())
                        .as("distinct codes seen on the second node").isGreaterThanOrEqualTo(3);
            }
        } finally {
            evolution.qrRotation(Duration.ofSeconds(45));
        }
    }

    @Test
    @Order(4)
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

    /**
     * One kill -9, three handovers. The node holding the health sweep's run lock is also made to hold a pending
     * deletion (the other node is frozen with SIGSTOP while the deletion is asked of the holder, so only the holder
     * can lease it) and a burst of events it could not publish (Redis holds writes for 3 s, so its relay has them
     * ordered or waiting in the outbox when it dies). The survivor then runs the next sweep, finishes the deletion
     * (one {@code instance.removed}, nothing left in Evolution), and publishes what the dead node left: the stream holds
     * every outbox event once, in sequence order, and the topic delivered each.
     */
    @Test
    @Order(5)
    void killingTheNodeThatHoldsTheRunLockADeletionAndAnOutboxBatchHandsAllToTheOther() throws Exception {
        if (!firstRestarted) {
            firstRestarted = true;
            first = Stack.get().restartServer(SCHEDULES);
        }
        var doomed = Integrations.createFor("org-cluster-handover");
        var flipping = new ArrayList<JsonObject>();
        for (int i = 0; i < 4; i++) flipping.add(Integrations.createFor("org-cluster-relay-" + i));
        long sequenceBefore = StreamConsumer.newestSequence();
        Instant from = Instant.now();
        // a sweep now outlasts a firing period and the setup below: the holder is caught in the middle of it
        evolution.inject(Fault.latency("fetchInstances", Duration.ofSeconds(30)));
        var running = new JsonObject[1];
        Poll.until(() -> {
            running[0] = runs(second, "health").stream().filter(run -> run.getString("outcome").equals("running"))
                    .filter(run -> !at(run, "started_at").isBefore(from)).findFirst().orElse(null);
            return running[0] != null;
        }, Duration.ofSeconds(20), "a scheduled sweep running");
        String holder = running[0].getString("triggered_by");
        var killed = holder.equals(nodeName(first)) ? first : second;
        var survivor = killed == first ? second : first;

        Instant killedAt;
        long leftInOutbox;
        long leftInOrder;
        try (var events = whatsapp.st.systems.Events.subscribe()) {
            evolution.resetCalls();
            evolution.inject(Fault.hang("delete"));
            survivor.freeze();
            try {
                assertThat(Http.delete(killed.httpUrl() + "/integrations/" + doomed.getString("id"), Service.admin()).status())
                        .as("the deletion asked of the holder").isEqualTo(202);
                Poll.until(() -> evolution.calls("delete") >= 2, Duration.ofSeconds(20),
                        "the holder's background retry of the deletion hanging on Evolution's delete");
                Cache.pauseWrites(Duration.ofSeconds(3));
                var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                for (int round = 0; round < 3; round++) {
                    for (var integration : flipping) {
                        client.sendAsync(webhook(killed, integration, round % 2 == 0 ? "close" : "open"), HttpResponse.BodyHandlers.discarding());
                    }
                }
                Poll.until(() -> Database.unpublishedEvents() >= 4, Duration.ofSeconds(3), "the holder's events waiting in the outbox");
                killed.kill();
                killedAt = Instant.now();
                leftInOutbox = Database.unpublishedEvents();
                leftInOrder = Database.sequencedUnpublishedEvents();
            } finally {
                survivor.thaw();
                evolution.clearFaults();
            }

            // the run lock
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
                    + " swept at " + next[0].getString("started_at") + " (" + Duration.between(killedAt, at(next[0], "started_at")).toMillis()
                    + " ms later); the killed node left " + leftInOutbox + " events unpublished, " + leftInOrder + " of them already in order");
            assertThat(at(next[0], "started_at")).as("the survivor's first sweep after the kill").isBefore(nextFiring.plusSeconds(1));
            var abandoned = new JsonObject[1];
            Poll.until(() -> {
                abandoned[0] = runs(survivor, "health").stream().filter(run -> run.getString("id").equals(running[0].getString("id")))
                        .findFirst().orElseThrow();
                return !abandoned[0].getString("outcome").equals("running");
            }, Duration.ofSeconds(10), "the killed node's sweep recorded as ended");
            assertThat(abandoned[0].getString("outcome")).as(abandoned[0].toString()).isEqualTo("failed");
            assertThat(abandoned[0].getJsonObject("summary").getString("reason", null)).as(abandoned[0].toString()).isEqualTo("abandoned");

            // the deletion: the dead node's lease (10 s) runs out, the survivor's retry (every 5 s) finishes it
            String name = doomed.getString("instance_name");
            Poll.until(() -> !Database.integrationRowExists(doomed.getString("id")), Duration.ofSeconds(40),
                    "the survivor to finish the dead node's deletion");
            System.out.println("ClusterIT kill -9: the dead node's deletion finished " + Duration.between(killedAt, Instant.now()).toMillis() + " ms after the kill");
            assertThat(evolution.instance(name)).as("no orphan left in Evolution").isEmpty();
            events.await("instance.removed", name, Duration.ofSeconds(10));
            var audit = Http.get(survivor.httpUrl() + "/integrations/audit?organization_id=org-cluster-handover", Service.admin())
                    .json().getJsonArray("entries").getValuesAs(JsonObject.class);
            assertThat(audit).filteredOn(e -> doomed.getString("id").equals(e.getString("integration_id", null))
                    && e.getString("action").equals("instance.deleted")).as("the deletion audited once").hasSize(1);

            // the outbox
            assertThat(leftInOutbox).as("events the killed node could not publish").isPositive();
            Poll.until(() -> Database.unpublishedEvents() == 0, Duration.ofSeconds(30), "the survivor to publish what the dead node left");
            Poll.pause(1_000); // the topic's last deliveries
            var written = Database.eventIdsSequencedAfter(sequenceBefore);
            var streamed = new ArrayList<JsonObject>();
            try (var consumer = StreamConsumer.newGroup("cluster-handover-" + System.nanoTime())) {
                consumer.all().stream().filter(e -> e.getJsonNumber("sequence").longValue() > sequenceBefore).forEach(streamed::add);
            }
            assertThat(streamed.stream().map(e -> e.getString("event_id")).toList())
                    .as("the stream: every event of the outbox once, in sequence order").containsExactlyElementsOf(written);
            var onTopic = events.received().stream().map(e -> e.getString("event_id")).toList();
            assertThat(onTopic).as("the topic delivered every event").containsAll(written);
            assertThat(events.received().stream().filter(e -> e.getString("type").equals("instance.removed"))
                    .filter(e -> e.getString("instance_name").equals(name)).map(e -> e.getString("event_id")).distinct())
                    .as("one instance.removed for the deletion").hasSize(1);
            System.out.println("ClusterIT kill -9: " + written.size() + " events since the kill test began, each once on the stream in order; "
                    + (onTopic.size() - new java.util.HashSet<>(onTopic).size()) + " repeated on the topic (at-least-once)");
        }
    }

    /**
     * A rolling restart behind the round-robin front while three clients create (with an Idempotency-Key, retrying a
     * 503 with the same key, as a frontend retries) and read: node by node, the node killed by the previous test is
     * started, then the other is stopped the way a load balancer expects (WildFly's graceful shutdown: new requests 503,
     * running ones finish) and started again. No request fails except with a retriable 503; each organization ends with
     * one row and one Evolution instance.
     */
    @Test
    @Order(6)
    void aRollingRestartBehindTheFrontFailsNoRequestAndDuplicatesNothing() throws Exception {
        var down = first.running() ? second : first;
        var up = down == first ? second : first;
        try (var front = Stack.front()) {
            var load = new ClientLoad(front.url(), 3);
            load.start();
            Poll.pause(2_000);
            restart(down, false);
            Poll.pause(2_000);
            restart(up, true);
            Poll.pause(2_000);
            load.stop();

            System.out.println("ClusterIT rolling restart: " + load.report() + "; front: served by node "
                    + front.nodes().stream().collect(Collectors.toMap(RoundRobinFront.Node::url, RoundRobinFront.Node::served, Long::sum, TreeMap::new))
                    + ", " + front.resent() + " sent to the next node, " + front.unavailable() + " answered 503 by the front");
            assertThat(load.failures).as("requests that failed other than with a retriable 503").isEmpty();
            assertThat(load.created).as("organizations created during the restart").hasSizeGreaterThan(10);
            assertThat(load.servedBy).as("nodes that served the clients").hasSize(2);
            for (var organization : load.created.keySet()) {
                assertThat(Integrations.of(organization)).as("rows of " + organization).hasSize(1);
            }
            var instances = evolution.instances().stream().map(i -> i.name())
                    .filter(n -> n.startsWith("clinic-" + ClientLoad.PREFIX)).collect(Collectors.groupingBy(
                            n -> n.substring(0, n.lastIndexOf('-')), Collectors.counting()));
            assertThat(instances.values()).as("Evolution instances per organization").allMatch(n -> n == 1);
            assertThat(instances).as("an instance for every organization created").hasSize(load.created.size());
        }
    }

    /** Stops {@code node} (gracefully, or not at all when it is already down) and starts it with the tests' settings. */
    void restart(WildFlyProcess node, boolean running) throws Exception {
        if (running) node.stopGracefully(Duration.ofSeconds(10));
        if (node == first) {
            first = Stack.get().restartServer(Map.of()); // its test settings again: no timers for the tests after this
            firstRestarted = false;
        } else {
            second = Stack.restartSecondNode(Map.of());
        }
    }

    /** Clients of the front: create an organization's integration, read it a few times, next organization. */
    static final class ClientLoad {
        static final String PREFIX = "org-rolling-";
        final String front;
        final int clients;
        final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        final Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        final Map<String, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        final java.util.Set<String> servedBy = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<Thread> threads = new ArrayList<>();
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        final String token = Service.admin();

        ClientLoad(String front, int clients) {
            this.front = front;
            this.clients = clients;
        }

        void start() {
            for (int c = 0; c < clients; c++) {
                int client = c;
                var thread = new Thread(() -> run(client), "client-" + c);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            stopping.set(true);
            for (var thread : threads) thread.join(120_000);
        }

        void run(int client) {
            for (int n = 0; !stopping.get(); n++) {
                String organization = PREFIX + client + "-" + n;
                String key = java.util.UUID.randomUUID().toString();
                var create = HttpRequest.newBuilder(URI.create(front + "/integrations/whatsapp")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"organization_id\":\"" + organization + "\"}")).build();
                var answer = untilAnswered(create, "create " + organization);
                if (answer == null) continue;
                String id = jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject()
                        .getJsonObject("integration").getString("id");
                created.put(organization, id);
                for (int read = 0; read < 5 && !stopping.get(); read++) {
                    untilAnswered(HttpRequest.newBuilder(URI.create(front + "/integrations/" + id)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).GET().build(), "read " + id);
                    Poll.pause(100);
                }
            }
        }

        /** Sends until a 2xx (null after a failure, which is recorded): a retriable 503 is sent again after a pause. */
        HttpResponse<String> untilAnswered(HttpRequest request, String what) {
            for (int attempt = 0; attempt < 100; attempt++) {
                HttpResponse<String> answer;
                try {
                    answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    failures.add(what + ": " + e);
                    return null;
                }
                statuses.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
                answer.headers().firstValue("X-Cluster-Node").ifPresent(servedBy::add);
                if (answer.statusCode() / 100 == 2) return answer;
                boolean retriable = answer.statusCode() == 503 && answer.headers().firstValue("Content-Type").orElse("").contains("problem+json");
                if (!retriable) {
                    failures.add(what + ": " + answer.statusCode() + " " + answer.body());
                    return null;
                }
                Poll.pause(answer.headers().firstValue("Retry-After").map(s -> Math.min(1_000L, Long.parseLong(s) * 1_000)).orElse(500L));
            }
            failures.add(what + ": still 503 after 100 attempts");
            return null;
        }

        String report() {
            return created.size() + " organizations created, answers by status " + statuses;
        }
    }

    static HttpRequest webhook(WildFlyProcess node, JsonObject integration, String state) {
        String name = integration.getString("instance_name");
        String secret = Stack.get().simulator().orElseThrow().instance(name).orElseThrow().webhook().headers().get("x-evolution-secret");
        String body = "{\"event\":\"connection.update\",\"instance\":\"" + name + "\",\"data\":{\"instance\":\"" + name
                + "\",\"state\":\"" + state + "\",\"statusReason\":" + (state.equals("open") ? 200 : 408) + "},\"date_time\":\"" + Instant.now() + "\"}";
        return HttpRequest.newBuilder(URI.create(node.httpUrl() + "/integrations/webhooks/evolution")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("x-evolution-secret", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
