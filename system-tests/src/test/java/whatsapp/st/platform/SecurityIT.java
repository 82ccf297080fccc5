package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.DevTokens;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

class SecurityIT {

    static final String SOME_ID = "/0b6f3c1e-5d0a-4b7e-9a63-2f0d8c1e9a10";

    @Test
    void noTokenIsAProblem401() {
        for (String url : List.of(Service.integrations(SOME_ID), Service.maintenance("/runs"))) {
            var answer = Http.get(url, null);
            assertThat(answer.status()).as(url).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
            assertThat(answer.json().getInt("status")).isEqualTo(401);
        }
    }

    @Test
    void badTokensAreProblem401s() {
        var tokens = Stack.get().tokens();
        var expired = tokens.mint("eve", List.of("admin"), null, Duration.ofSeconds(-600), DevTokens.ISSUER);
        var wrongIssuer = tokens.mint("eve", List.of("admin"), null, Duration.ofHours(1), "https://someone-else");
        var otherKey = DevTokens.generate().admin("eve");
        for (String token : List.of("garbage", expired, wrongIssuer, otherKey)) {
            var answer = Http.get(Service.maintenance("/runs"), token);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.contentType() + " " + answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("<html");
        }
    }

    @Test
    void membersMayNotCallMaintenance() {
        var answer = Http.get(Service.maintenance("/runs"), Service.member("org-abc-123"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void adminsMayCallMaintenance() {
        var answer = Http.get(Service.maintenance("/runs?type=cleanup&limit=5"), Service.admin());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("runs")).isNotNull();
    }

    @Test
    void invalidQueryParametersAreValidationProblems() {
        var answer = Http.get(Service.maintenance("/runs?type=everything"), Service.admin());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("type");
    }

    @Test
    void unknownPathsAreProblems() {
        var answer = Http.get(Service.integrations("/no/such/thing"), Service.admin());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
    }
}
