package whatsapp.integrations.lifecycle.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every lease is taken and checked against the database's clock ({@code now()}), as the run locks are: a node whose
 * clock runs ahead would otherwise take over a live claim or lease, and one whose clock lags would hold its own too
 * long. Two nodes with different clocks cannot be had on one machine, so the statements themselves are the proof:
 * no lease column is ever set from, or compared with, a time the node binds.
 */
class LeaseStatementsTest {

    static final Pattern LEASE_FROM_NODE_CLOCK = Pattern.compile(
            "(claimed_until|attempt_lease_until|connect_lease_until|created_at)\\s*(=|<|<=|>|>=)\\s*\\?");

    static void usesTheDatabaseClock(String statement) {
        assertThat(statement).contains("now()");
        assertThat(LEASE_FROM_NODE_CLOCK.matcher(statement).find()).as(statement).isFalse();
    }

    @Test
    void creationClaimsUseTheDatabaseClock() {
        for (var statement : List.of(Creations.CLAIM, Creations.TAKE_OVER, Creations.RELEASE)) usesTheDatabaseClock(statement);
        assertThat(Creations.CLAIM).contains("now() + make_interval(secs => ?5), now(), ?6)");
        assertThat(Creations.TAKE_OVER).contains("claimed_until = now() + make_interval(").contains("claimed_until < now()");
    }

    @Test
    void deletionRetryLeasesUseTheDatabaseClock() {
        usesTheDatabaseClock(Deletions.LEASE_DUE);
        assertThat(Deletions.LEASE_DUE).contains("attempt_lease_until = now() + make_interval(")
                .contains("attempt_lease_until < now()").contains("next_attempt_at <= now()");
    }

    @Test
    void theCheckCatchesANodeClock() {
        assertThat(LEASE_FROM_NODE_CLOCK.matcher("SET claimed_until = ?2 WHERE claimed_until < ?4").find()).isTrue();
    }
}
