package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;
import whatsapp.st.systems.StreamConsumer;

/** The durable event stream: consumer groups resume where they stopped, nothing is lost to an outage, order holds. */
class EventStreamIT {

    final EvolutionSimulator evolution = Stack.get().simulator().orElseThrow();

    static List<JsonObject> of(String instanceName, List<JsonObject> events) {
        return events.stream().filter(e -> e.getString("instance_name").equals(instanceName)).toList();
    }

    static long sequence(JsonObject event) {
        return event.getJsonNumber("sequence").longValue();
    }

    static long version(JsonObject event) {
        return event.getJsonNumber("version").longValue();
    }

    static boolean removalOf(String instanceName, JsonObject event) {
        return event.getString("type").equals("instance.removed") && event.getString("instance_name").equals(instanceName);
    }

    @Test
    void aGroupThatWasNotReadingDuringADeletionReadsInstanceRemovedWhenItComesBack() {
        try (var worker = StreamConsumer.newGroup("worker-" + UUID.randomUUID())) {
            var integration = Integrations.createFor("org-stream-1");
            String name = integration.getString("instance_name");
            assertThat(Integrations.delete(integration.getString("id")).status()).isEqualTo(204);

            var read = of(name, worker.readUntil(e -> removalOf(name, e), Duration.ofSeconds(20)));
            assertThat(read).extracting(e -> e.getString("type")).containsExactly("instance.created", "instance.removed");
            assertThat(read.get(1).getString("integration_id")).isEqualTo(integration.getString("id"));
            assertThat(sequence(read.get(1))).isGreaterThan(sequence(read.get(0)));
            assertThat(read).extracting(EventStreamIT::version).containsExactly(1L, 2L);
            assertThat(worker.pending()).as("every entry read was acknowledged").isZero();
        }
    }

    @Test
    void twoQuickStatusChangesOfOneInstanceArriveInVersionOrder() {
        long before = StreamConsumer.newestSequence();
        var integration = Integrations.createFor("org-stream-2");
        String id = integration.getString("id");
        String name = integration.getString("instance_name");
        evolution.pair(name, "5511999990077");
        // the simulator dates its webhooks in milliseconds: a close sent in the same millisecond as the open
        // would be taken for a repeat, so the close follows once the open is recorded
        Poll.until(() -> "connected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                "the open webhook");
        evolution.disconnect(name, Disconnect.DEVICE_REMOVED);
        Poll.until(() -> "disconnected".equals(Integrations.find(id).json().getString("status")), Duration.ofSeconds(10),
                "the close webhook");
        Poll.until(() -> of(name, Integrations.eventsAfter(before)).stream()
                .anyMatch(e -> e.getString("status").equals("disconnected")), Duration.ofSeconds(10), "the last change");

        var events = of(name, Integrations.eventsAfter(before));
        assertThat(events).extracting(e -> e.getString("type")).startsWith("instance.created");
        assertThat(events).extracting(EventStreamIT::version).isSorted().doesNotHaveDuplicates().startsWith(1L);
        assertThat(events).extracting(EventStreamIT::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(events.size() - 1).getString("status")).isEqualTo("disconnected");
        Poll.until(() -> of(name, streamAfter(before)).size() == events.size(), Duration.ofSeconds(10), "the stream");
        assertThat(of(name, streamAfter(before))).as("the stream carries them in the same order")
                .isEqualTo(events);
    }

    static List<JsonObject> streamAfter(long sequence) {
        try (var reader = StreamConsumer.newGroup("range-" + UUID.randomUUID())) {
            return reader.all().stream().filter(e -> sequence(e) > sequence).toList();
        }
    }

    @Test
    void theHttpCatchUpReturnsExactlyWhatTheStreamHolds() {
        long before = StreamConsumer.newestSequence();
        var first = Integrations.createFor("org-stream-3a");
        var second = Integrations.createFor("org-stream-3b");
        assertThat(Integrations.delete(first.getString("id")).status()).isEqualTo(204);
        List<String> names = List.of(first.getString("instance_name"), second.getString("instance_name"));
        Poll.until(() -> streamAfter(before).stream().anyMatch(e -> removalOf(names.get(0), e)), Duration.ofSeconds(20),
                "the removal on the stream");

        var onStream = streamAfter(before).stream().filter(e -> names.contains(e.getString("instance_name"))).toList();
        var overHttp = Integrations.eventsAfter(before).stream().filter(e -> names.contains(e.getString("instance_name"))).toList();
        assertThat(overHttp).isEqualTo(onStream).hasSize(3);
    }

    @Test
    void everyEventMadeWhileRedisIsDownIsDeliveredOnceInSequenceOrderWhenItIsBack() throws Exception {
        long before = StreamConsumer.newestSequence();
        var stack = Stack.get();
        String name = null;
        List<String> types = List.of("instance.created", "instance.status_changed", "instance.removed");
        StreamConsumer worker;
        stack.stopRedis();
        try {
            var integration = Integrations.createFor("org-stream-4");
            String instance = integration.getString("instance_name");
            name = instance;
            evolution.pair(instance, "5511999990078");
            Poll.until(() -> "connected".equals(Integrations.find(integration.getString("id")).json().getString("status")),
                    Duration.ofSeconds(10), "the open webhook");
            assertThat(Integrations.delete(integration.getString("id")).status()).isEqualTo(204);
            Poll.until(() -> of(instance, Integrations.eventsAfter(before)).stream().map(e -> e.getString("type")).toList()
                    .equals(types), Duration.ofSeconds(20), "the catch-up to serve them, ordered in PostgreSQL, without Redis");
        } finally {
            // Redis comes back password-protected: our group is created before the service gets in
            stack.startRedisAgain("requirepass test-only-gate");
            worker = StreamConsumer.wholeStreamWithPassword("worker-" + UUID.randomUUID(), "test-only-gate");
            worker.dropPassword();
        }
        String instance = name;
        try (var reader = worker) {
            var read = of(instance, reader.readUntil(e -> removalOf(instance, e), Duration.ofSeconds(30)));
            assertThat(read).extracting(e -> e.getString("type")).containsExactlyElementsOf(types);
            assertThat(read).extracting(e -> e.getString("event_id")).doesNotHaveDuplicates();
            assertThat(read).isSortedAccordingTo(Comparator.comparingLong(EventStreamIT::sequence));
            assertThat(read).extracting(EventStreamIT::version).containsExactly(1L, 2L, 3L);
            assertThat(read).isEqualTo(of(instance, Integrations.eventsAfter(before)));
        }
    }

    @Test
    void publishedEventsStayForTheRetentionAndACatchUpFromBeforeAPrunedOneIs410() {
        long before = StreamConsumer.newestSequence();
        var integration = Integrations.createFor("org-stream-5");
        String name = integration.getString("instance_name");
        evolution.pair(name, "5511999990079");
        Poll.until(() -> of(name, Integrations.eventsAfter(before)).size() == 2
                && Database.unpublishedEvents() == 0, Duration.ofSeconds(20), "both events published");
        var events = of(name, Integrations.eventsAfter(before));
        var created = events.get(0);

        Database.publishedDaysAgo(created.getString("event_id"), 8); // older than the 7 days' retention
        String pruned = "after=" + (sequence(created) - 1);
        Poll.until(() -> Integrations.eventsAfter(pruned, whatsapp.st.systems.Service.worker()).status() == 410,
                Duration.ofSeconds(20), "the pruning timer");

        var gone = Integrations.eventsAfter(pruned, whatsapp.st.systems.Service.worker());
        assertThat(gone.isProblem()).isTrue();
        assertThat(gone.json().getString("type")).endsWith("/events-pruned");
        assertThat(gone.json().getString("detail")).contains("GET /integrations");
        assertThat(of(name, Integrations.eventsAfter(sequence(created)))).as("inside the retention: kept")
                .isEqualTo(events.subList(1, 2));
    }
}
