package whatsapp.integrations.status.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookOrderTest {

    static final Instant LAST = Instant.parse("2025-11-02T01:30:00Z");
    static final Duration RESET = Duration.ofMinutes(5);

    @Test
    void newerAppliesOlderNot() {
        assertThat(WebhookOrder.of(null, null, LAST, "a", RESET)).isEqualTo(WebhookOrder.FIRST);
        assertThat(WebhookOrder.of(LAST, "a", LAST.plusMillis(1), "b", RESET)).isEqualTo(WebhookOrder.NEWER);
        assertThat(WebhookOrder.of(LAST, "a", LAST.minusSeconds(299), "b", RESET)).isEqualTo(WebhookOrder.OLDER);
        assertThat(WebhookOrder.OLDER.applies()).isFalse();
        assertThat(WebhookOrder.OLDER.reason()).isNotBlank();
    }

    @Test
    void theSameMillisecondAppliesTheLaterArrivalButNotTheSameDeliveryAgain() {
        assertThat(WebhookOrder.of(LAST, "a", LAST, "b", RESET)).isEqualTo(WebhookOrder.SAME_MILLISECOND);
        assertThat(WebhookOrder.SAME_MILLISECOND.applies()).isTrue();
        assertThat(WebhookOrder.of(LAST, "a", LAST, "a", RESET)).isEqualTo(WebhookOrder.REPEATED);
        assertThat(WebhookOrder.REPEATED.applies()).isFalse();
        assertThat(WebhookOrder.of(LAST, null, LAST, "a", RESET)).as("stamped before digests were kept")
                .isEqualTo(WebhookOrder.SAME_MILLISECOND);
    }

    @Test
    void aFarStepBackIsAClockResetAndApplies() {
        var fallBack = WebhookOrder.of(LAST, "a", LAST.minus(Duration.ofHours(1)), "b", RESET);
        assertThat(fallBack).isEqualTo(WebhookOrder.CLOCK_RESET);
        assertThat(fallBack.applies()).isTrue();
        assertThat(WebhookOrder.of(LAST, "a", LAST.minusSeconds(301), "b", RESET)).isEqualTo(WebhookOrder.CLOCK_RESET);
    }
}
