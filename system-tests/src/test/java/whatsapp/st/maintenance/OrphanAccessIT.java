package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

/** The orphan endpoints are for admins only. */
class OrphanAccessIT {

    static final List<Function<String, Http.Answer>> CALLS = List.of(
            token -> Http.get(Service.maintenance("/orphaned-instances/check"), token),
            token -> Http.post(Service.maintenance("/cleanup-orphaned-instances"), token, null, ""),
            token -> Http.post(Service.maintenance("/cleanup-orphaned-instances?dry_run=true"), token, null, ""));

    @Test
    void aMemberIsForbidden() {
        for (var call : CALLS) {
            var answer = call.apply(Service.member("org-abc-123"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Test
    void anAnonymousCallerIsUnauthorized() {
        Fleet.evolution().resetCalls();
        for (var call : CALLS) {
            var answer = call.apply(null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(Fleet.evolution().calls("fetchInstances")).isZero();
    }
}
