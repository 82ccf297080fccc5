package whatsapp.integrations.lifecycle.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import whatsapp.web.problems.boundary.InvalidInput;

class MonitoringRequestTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:00:00Z");

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aPauseInTheFutureWithAReason() {
        var request = MonitoringRequest.of(json("{\"paused_until\": \"2025-11-15T18:00:00Z\", \"reason\": \"  clinic moves  \"}"), NOW);
        assertThat(request.resume()).isFalse();
        assertThat(request.pausedUntil()).isEqualTo(Instant.parse("2025-11-15T18:00:00Z"));
        assertThat(request.reason()).isEqualTo("clinic moves");
        assertThat(MonitoringRequest.of(json("{\"paused_until\": \"2025-11-15T18:00:00.000+01:00\", \"reason\": \"x\"}"), NOW)
                .pausedUntil()).as("an offset is read as the instant it names").isEqualTo(Instant.parse("2025-11-15T17:00:00Z"));
    }

    @Test
    void thirtyDaysIsTheLongestPause() {
        assertThat(MonitoringRequest.of(json("{\"paused_until\": \"" + NOW.plus(Duration.ofDays(30)) + "\", \"reason\": \"x\"}"), NOW)
                .resume()).isFalse();
        assertRefused("{\"paused_until\": \"" + NOW.plus(Duration.ofDays(30)).plusSeconds(1) + "\", \"reason\": \"x\"}",
                "paused_until", "at most 30 days");
    }

    @Test
    void nullResumesAndNeedsNoReason() {
        assertThat(MonitoringRequest.of(json("{\"paused_until\": null}"), NOW).resume()).isTrue();
    }

    @Test
    void aMissingPausedUntilIsNoResume() {
        assertRefused("{\"reason\": \"x\"}", "paused_until", "is required");
        assertRefused("{}", "paused_until", "is required");
        assertThatThrownBy(() -> MonitoringRequest.of(null, NOW)).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2025-11-15T15:59:59Z\"", "\"2025-11-15T16:00:00Z\""})
    void thePastAndNowAreRefused(String until) {
        assertRefused("{\"paused_until\": " + until + ", \"reason\": \"x\"}", "paused_until", "in the future");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"tomorrow\"", "\"2025-11-16\"", "\"2025-11-16T10:00:00\"", "12345", "true", "{}"})
    void whatIsNoInstantIsRefused(String until) {
        assertRefused("{\"paused_until\": " + until + ", \"reason\": \"x\"}", "paused_until", "ISO-8601");
    }

    @Test
    void theReasonIsRequiredNonBlankAndBounded() {
        var until = "\"2025-11-15T18:00:00Z\"";
        assertRefused("{\"paused_until\": " + until + "}", "reason", "is required");
        assertRefused("{\"paused_until\": " + until + ", \"reason\": null}", "reason", "is required");
        assertRefused("{\"paused_until\": " + until + ", \"reason\": \"   \"}", "reason", "blank");
        assertRefused("{\"paused_until\": " + until + ", \"reason\": 7}", "reason", "string");
        assertRefused("{\"paused_until\": " + until + ", \"reason\": \"" + "x".repeat(201) + "\"}", "reason", "200");
        assertRefused("{\"paused_until\": " + until + ", \"reason\": \"a\\u0000b\"}", "reason", "control");
        assertThat(MonitoringRequest.of(json("{\"paused_until\": " + until + ", \"reason\": \"" + "x".repeat(200) + "\"}"), NOW)
                .reason()).hasSize(200);
    }

    static void assertRefused(String body, String field, String message) {
        assertThatThrownBy(() -> MonitoringRequest.of(json(body), NOW)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            var problem = e.problem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(field);
                assertThat(error.message()).contains(message);
            });
        });
    }
}
