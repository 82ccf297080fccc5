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

    /**
     * A token the server accepted is kept as verified for a while (VerifiedTokens), by its whole text: the same header
     * and claims with an altered signature are verified anew and refused, on both modules, after the genuine token.
     */
    @Test
    void anAcceptedTokensClaimsWithAnotherSignatureAreRefused() {
        String token = Stack.get().tokens().admin("mallory");
        assertThat(Http.get(Service.maintenance("/runs"), token).status()).isEqualTo(200);
        assertThat(Http.get(Service.integrations(SOME_ID), token).status()).isEqualTo(404);
        int dot = token.lastIndexOf('.') + 1;
        String altered = token.substring(0, dot) + (token.charAt(dot) == 'A' ? 'B' : 'A') + token.substring(dot + 1);
        for (String url : List.of(Service.maintenance("/runs"), Service.integrations(SOME_ID))) {
            var answer = Http.get(url, altered);
            assertThat(answer.status()).as(url).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        }
        assertThat(Http.get(Service.maintenance("/runs"), token).status()).as("the genuine one still").isEqualTo(200);
    }

    /**
     * The server checks the audience (MP_JWT_VERIFY_AUDIENCES; the local stack expects DevTokens.AUDIENCE): a token
     * the same issuer signed for another service, or for no audience at all, is refused like a forged one.
     */
    @Test
    void tokensForAnotherAudienceOrNoneAreProblem401s() {
        var tokens = Stack.get().tokens();
        var otherAudience = tokens.mint("eve", List.of("admin"), null, Duration.ofHours(1), DevTokens.ISSUER,
                "https://billing.example");
        var noAudience = tokens.mint("eve", List.of("admin"), null, Duration.ofHours(1), DevTokens.ISSUER, null);
        var memberElsewhere = tokens.mint("eve", List.of("member"), "org-abc-123", Duration.ofHours(1), DevTokens.ISSUER,
                "https://billing.example");
        for (var call : List.of(List.of(Service.maintenance("/runs"), otherAudience), List.of(Service.maintenance("/runs"), noAudience),
                List.of(Service.integrations("?organization_id=org-abc-123"), memberElsewhere),
                List.of(Service.integrations("?organization_id=org-abc-123"), noAudience))) {
            var answer = Http.get(call.get(0), call.get(1));
            assertThat(answer.status()).as(call.get(0) + " " + answer.body()).isEqualTo(401);
            assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        }
        var right = tokens.mint("eve", List.of("admin"), null, Duration.ofHours(1), DevTokens.ISSUER, DevTokens.AUDIENCE);
        assertThat(Http.get(Service.maintenance("/runs"), right).status()).isEqualTo(200);
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
