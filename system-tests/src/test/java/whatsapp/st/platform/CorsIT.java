package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import whatsapp.localstack.DevTokens;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * CORS for the browser frontend, with real preflights: the server runs with CORS_ALLOWED_ORIGINS naming
 * {@link #ALLOWED} (see Stack's test settings). The integrations endpoints answer an allowed origin; another
 * origin, the maintenance endpoints and Evolution's webhook never answer cross-origin.
 */
class CorsIT {

    static final String ALLOWED = "https://app.example.test";
    static final String OTHER = "https://evil.example.test";
    static final String SOME_ID = "/0b6f3c1e-5d0a-4b7e-9a63-2f0d8c1e9a10";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        for (var call : List.of(List.of("/whatsapp", "POST"), List.of(SOME_ID, "DELETE"), List.of(SOME_ID, "GET"),
                List.of("?organization_id=org-1", "GET"), List.of("/events?after=0", "GET"), List.of(SOME_ID + "/qr", "GET"),
                List.of("/audit?limit=5", "GET"))) {
            var answer = preflight(Service.integrations(call.get(0)), ALLOWED, call.get(1),
                    "authorization,content-type,idempotency-key");

            assertThat(answer.status()).as(call + " " + answer.headers()).isIn(200, 204);
            assertThat(header(answer, "Access-Control-Allow-Origin")).as(call.toString()).contains(ALLOWED);
            assertThat(list(answer, "Access-Control-Allow-Methods")).as(call.toString()).contains("get", "post", "delete");
            assertThat(list(answer, "Access-Control-Allow-Headers")).as(call.toString())
                    .contains("authorization", "content-type", "idempotency-key");
            assertThat(list(answer, "Vary")).contains("origin");
            assertThat(header(answer, "Access-Control-Allow-Credentials")).as("bearer tokens, no cookies").isEmpty();
        }
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() {
        for (String origin : List.of(OTHER, "null", ALLOWED + ".evil.test", "http://app.example.test", ALLOWED + ":8443")) {
            var answer = preflight(Service.integrations("/whatsapp"), origin, "POST", "authorization,content-type");
            assertThat(corsHeaders(answer)).as(origin + " " + answer.headers()).isEmpty();
        }
    }

    @Test
    void maintenanceAndTheWebhookNeverAnswerCrossOrigin() {
        for (String url : List.of(Service.maintenance("/runs"), Service.maintenance("/cleanup-orphaned-instances"),
                Service.integrations("/webhooks/evolution"))) {
            var answer = preflight(url, ALLOWED, "POST", "authorization,content-type");
            assertThat(corsHeaders(answer)).as(url + " " + answer.headers()).isEmpty();
        }
        var runs = get(Service.maintenance("/runs"), ALLOWED, Service.admin());
        assertThat(runs.status()).isEqualTo(200);
        assertThat(corsHeaders(runs)).as(runs.headers().toString()).isEmpty();
    }

    @Test
    void anActualRequestFromAnAllowedOriginMayBeReadByIt() {
        var answer = get(Service.integrations("?organization_id=org-cors"), ALLOWED, Service.admin());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(header(answer, "Access-Control-Allow-Origin")).contains(ALLOWED);
        assertThat(list(answer, "Vary")).contains("origin");
        assertThat(list(answer, "Access-Control-Expose-Headers")).contains("location", "retry-after");
        assertThat(header(answer, "Access-Control-Allow-Credentials")).isEmpty();

        var problem = get(Service.integrations(SOME_ID), ALLOWED, Service.admin());
        assertThat(problem.status()).isEqualTo(404);
        assertThat(header(problem, "Access-Control-Allow-Origin")).as("a problem is readable too").contains(ALLOWED);

        var other = get(Service.integrations("?organization_id=org-cors"), OTHER, Service.admin());
        assertThat(other.status()).isEqualTo(200);
        assertThat(corsHeaders(other)).as(other.headers().toString()).isEmpty();
    }

    @Test
    void anExpiredTokenIs401ThatTheFrontendCanRead() {
        var expired = Stack.get().tokens().mint("eve", List.of("admin"), null, Duration.ofSeconds(-600), DevTokens.ISSUER);
        for (String token : new String[]{null, expired}) {
            var answer = get(Service.integrations(SOME_ID), ALLOWED, token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(header(answer, "Access-Control-Allow-Origin")).as(answer.headers().toString()).contains(ALLOWED);
        }
    }

    static Http.Answer preflight(String url, String origin, String method, String headers) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    static Http.Answer get(String url, String origin, String token) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Origin", origin);
        if (token != null) request.header("Authorization", "Bearer " + token);
        return Http.send(request.GET().build());
    }

    static Optional<String> header(Http.Answer answer, String name) {
        return answer.headers().firstValue(name);
    }

    /** A comma-separated header's entries, lowercase, over every occurrence of it. */
    static List<String> list(Http.Answer answer, String name) {
        return answer.headers().allValues(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }

    static List<String> corsHeaders(Http.Answer answer) {
        return answer.headers().map().keySet().stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-")).toList();
    }
}
