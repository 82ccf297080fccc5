package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.instance;
import static whatsapp.st.maintenance.Fleet.name;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import whatsapp.simulator.Fault;

/** Any failure while listing: 503 for the endpoints, a failed run in the history, and zero deletions. */
class OrphanListingFailuresIT extends FleetTests {

    String orphanInstance;
    UUID orphanRow;

    @BeforeEach
    void seed() {
        Fleet.healthy("org-healthy");
        orphanInstance = name("org-left-behind", OLD);
        evolution().seed(instance(orphanInstance, OLD));
        orphanRow = Fleet.row("org-gone", name("org-gone", OLD), OLD);
    }

    static Stream<Arguments> listingFailures() {
        return Stream.of(
                Arguments.of("timeout", Fault.hang("fetchInstances")),
                Arguments.of("connection reset", Fault.reset("fetchInstances")),
                Arguments.of("500", Fault.status("fetchInstances", 500)),
                Arguments.of("502 proxy page", Fault.status("fetchInstances", 502)),
                Arguments.of("401", Fault.unauthorized("fetchInstances")),
                Arguments.of("unparsable body", Fault.nonJson("fetchInstances")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listingFailures")
    void aListingFailureIsA503AndDeletesNothing(String what, Fault fault) {
        evolution().inject(fault);

        var check = Fleet.check();
        var cleanup = Fleet.cleanup();

        assertUnavailable(check);
        assertUnavailable(cleanup);
        assertNothingDeleted();
        var run = Fleet.latestRun();
        assertThat(run.getString("outcome")).isEqualTo("failed");
        assertThat(run.getJsonObject("summary").getString("abort_reason")).contains("nothing was changed");
    }

    /** A wrong key: every authenticated call is refused, while unknown names would still answer 404 (Evolution looks a name up before it checks the key). */
    @Test
    void aWrongApiKeyDeletesNothing() {
        evolution().inject(Fault.unauthorized("fetchInstances"));

        assertUnavailable(Fleet.cleanup());
        assertNothingDeleted();
    }

    /** A wrong base URL: every route is Express's 404 "Cannot GET /...", which is no instance's 404. */
    @Test
    void aWrongBaseUrlDeletesNothing() {
        evolution().inject(Fault.status("*", 404));

        var answer = Fleet.cleanup();

        assertUnavailable(answer);
        assertThat(answer.json().getString("detail")).contains("misconfigured base URL");
        assertNothingDeleted();
    }

    static void assertUnavailable(whatsapp.st.systems.Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/evolution-unavailable");
        assertThat(answer.json().getString("detail")).contains("nothing was changed");
    }

    void assertNothingDeleted() {
        evolution().clearFaults();
        assertThat(evolution().instance(orphanInstance)).isPresent();
        assertThat(Fleet.rowExists(orphanRow)).isTrue();
        assertThat(evolution().calls("delete") + evolution().calls("logout")).isZero();
    }
}
