package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Cache;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * The routing cache is rewritten by every health sweep and by POST /maintenance/cache/rebuild: an entry outlives
 * its TTL while sweeps run, comes back after Redis lost it, and never comes back for an integration being deleted.
 * The stack's entries live 15 s ({@code CACHE_TTL_SECONDS}); its timers are off, so the tests sweep themselves.
 */
class RoutingCacheIT extends FleetTests {

    static final Duration TTL = Duration.ofSeconds(15);

    Cache cache;

    @BeforeEach
    void openCache() {
        cache = Cache.open();
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    static Http.Answer rebuild(String token) {
        return Http.post(Service.maintenance("/cache/rebuild"), token, null, "");
    }

    @Test
    void aStableConnectedInstanceOutlivesTheTtlWhileSweepsRun() {
        var name = Health.paired("org-stable", Health.NUMBER);
        assertThat(cache.entry(name)).contains("\"status\":\"connected\"");
        var expiredBySweeps = Instant.now().plus(TTL).plusSeconds(5);

        while (Instant.now().isBefore(expiredBySweeps)) {
            assertThat(Health.swept().getInt("cache_entries")).as("one watched row, one entry").isOne();
            Poll.pause(3000);
        }

        assertThat(cache.entry(name)).contains("\"status\":\"connected\"").contains("\"enabled\":true");
        assertThat(cache.timeToLive(name)).as("rewritten with the short TTL, not kept forever").isPositive()
                .isLessThanOrEqualTo(TTL);
    }

    @Test
    void entriesRedisLostAreRebuiltByTheNextSweepAndByTheRebuildEndpoint() {
        var name = Health.paired("org-flushed", Health.NUMBER);

        cache.lose();
        Health.swept();
        assertThat(cache.entry(name)).as("rebuilt by the sweep").contains("\"status\":\"connected\"");

        cache.lose();
        var answer = rebuild(Service.admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getBoolean("success")).isTrue();
        assertThat(answer.json().getInt("entries")).isOne();
        assertThat(cache.entry(name)).as("rebuilt by the endpoint").contains("\"status\":\"connected\"");
        assertThat(cache.timeToLive(name)).isPositive().isLessThanOrEqualTo(TTL);
    }

    @Test
    void aDeletedOrDeletingInstanceNeverGetsItsEntryBack() {
        var kept = Health.paired("org-kept", Health.NUMBER);
        var deleted = Integrations.createFor("org-deleted");
        var deleting = Integrations.createFor("org-deleting");
        assertThat(Integrations.delete(deleted.getString("id")).status()).isEqualTo(204);
        evolution().inject(Fault.status("delete", 500));
        assertThat(Integrations.delete(deleting.getString("id")).status()).as("Evolution away: the row stays deleting")
                .isEqualTo(202);
        cache.lose();

        Health.swept();
        var answer = rebuild(Service.admin());

        assertThat(answer.json().getInt("entries")).isOne();
        assertThat(cache.entry(kept)).isNotNull();
        assertThat(cache.entry(deleted.getString("instance_name"))).isNull();
        assertThat(cache.entry(deleting.getString("instance_name"))).isNull();
        evolution().clearFaults();
    }

    @Test
    void withRedisDownTheSweepGoesOnTheRebuildAnswers503AndTheNextSweepRebuilds() throws Exception {
        var name = Health.paired("org-redis-down", Health.NUMBER);
        var stack = Stack.get();
        stack.stopRedis();
        try {
            var summary = Health.swept();
            assertThat(summary.isNull("cache_entries")).as("the sweep completed, without the cache").isTrue();
            var answer = rebuild(Service.admin());
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.isProblem()).isTrue();
        } finally {
            stack.startRedisAgain();
        }
        // the restarted Redis is empty: the next sweep that reaches it writes the entry again
        Poll.until(() -> {
            Health.swept();
            return cache.entry(name) != null;
        }, Duration.ofSeconds(30), "the entry rebuilt after the Redis restart");
    }

    @Test
    void theRebuildIsForAdminsOnly() {
        var member = rebuild(Service.member("org-abc-123"));
        assertThat(member.status()).as(member.body()).isEqualTo(403);
        assertThat(member.isProblem()).isTrue();
        var anonymous = rebuild(null);
        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }
}
