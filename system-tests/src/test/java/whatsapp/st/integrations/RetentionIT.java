package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.StreamConsumer;

/**
 * What grows with traffic has a rule: events Redis never took go after the maximum age (30 days), Idempotency-Keys
 * after their retention (24 hours), and repeated creates that reuse the live integration make one audit row per
 * window (an hour). The stack prunes every 2 s; the rows are aged by time travel.
 */
class RetentionIT {

    @Test
    void anEventRedisNeverTookGoesAfterTheMaximumAgeAndARecentOneStays() {
        long before = StreamConsumer.newestSequence();
        var old = Integrations.createFor("org-retention-old");
        var recent = Integrations.createFor("org-retention-recent");
        Poll.until(() -> Integrations.eventsAfter(before).stream().filter(e -> ids(old, recent).contains(e.getString("integration_id")))
                .count() == 2 && Database.unpublishedEvents() == 0, Duration.ofSeconds(20), "both events published");
        var events = Integrations.eventsAfter(before);
        String oldEvent = eventOf(events, old);
        String recentEvent = eventOf(events, recent);

        Database.writtenDaysAgoUnpublished(oldEvent, 31); // Redis away for a month; the retention of published ones is 7 days

        Poll.until(() -> !Database.eventExists(oldEvent), Duration.ofSeconds(20), "the event older than 30 days pruned");
        assertThat(Database.eventExists(recentEvent)).as("a recent event stays").isTrue();
    }

    @Test
    void idempotencyKeysExpireAfterADayAndArePrunedWhileFreshOnesStay() {
        String expiring = "org-idem-old";
        String fresh = "org-idem-fresh";
        String key = "key-" + UUID.randomUUID();
        assertThat(Integrations.create(expiring, Service.member(expiring), key).status()).isEqualTo(201);
        assertThat(Integrations.create(fresh, Service.member(fresh), key).status()).isEqualTo(201);
        var replayed = Integrations.create(expiring, Service.member(expiring), key);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).as("within the day: replayed").contains("true");

        Database.idempotencyKeysHoursAgo(expiring, 25);

        Poll.until(() -> Database.idempotencyKeysOf(expiring) == 0, Duration.ofSeconds(20), "the expired key pruned");
        assertThat(Database.idempotencyKeysOf(fresh)).as("a fresh key stays").isOne();
        var again = Integrations.create(expiring, Service.member(expiring), key);
        assertThat(again.status()).as("an expired key counts as new: the live integration is reused").isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(Database.idempotencyKeysOf(expiring)).as("and remembered again").isOne();
    }

    @Test
    void repeatedCreatesMakeOneReusedAuditRowPerWindow() throws Exception {
        String organization = "org-reused-window";
        var integration = Integrations.createFor(organization);
        for (int i = 0; i < 4; i++) assertThat(Integrations.create(organization, Service.admin()).status()).isEqualTo(200);
        var concurrent = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Integrations.create(organization, Service.member(organization))))
                .toList();
        for (var answer : concurrent) assertThat(answer.get().status()).isEqualTo(200);

        var reused = reusedRows(organization);
        assertThat(reused).as("twelve reuses within the hour: one row").hasSize(1);
        assertThat(reused.get(0).getString("reason")).contains("reused 12 times");
        assertThat(reused.get(0).getString("actor")).as("the first reuser").isEqualTo("user:alice");

        Database.auditEntriesMinutesEarlier(integration.getString("id"), "instance.reused", 61);
        assertThat(Integrations.create(organization, Service.admin()).status()).isEqualTo(200);

        assertThat(reusedRows(organization)).as("the next window starts a row of its own").hasSize(2);
        assertThat(Integrations.audit(organization)).filteredOn(e -> e.getString("action").equals("instance.created")).hasSize(1);
    }

    static List<JsonObject> reusedRows(String organization) {
        return Integrations.audit(organization).stream().filter(e -> e.getString("action").equals("instance.reused")).toList();
    }

    static List<String> ids(JsonObject... integrations) {
        return List.of(integrations).stream().map(i -> i.getString("id")).toList();
    }

    static String eventOf(List<JsonObject> events, JsonObject integration) {
        return events.stream().filter(e -> e.getString("integration_id").equals(integration.getString("id"))
                && e.getString("type").equals("instance.created")).findFirst().orElseThrow().getString("event_id");
    }
}
