package whatsapp.evolution.instances.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KeyProofTest {

    Instant now = Instant.parse("2025-11-15T16:31:12Z");
    Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };

    @Test
    void aConfirmationVouchesForTheKeyUntilItExpiresOrA401Arrives() {
        var proof = new KeyProof(clock, Duration.ofSeconds(60));
        assertThat(proof.proven()).isFalse();
        proof.confirmed();
        now = now.plusSeconds(59);
        assertThat(proof.proven()).isTrue();
        now = now.plusSeconds(1);
        assertThat(proof.proven()).isFalse();
        proof.confirmed();
        proof.rejected();
        assertThat(proof.proven()).isFalse();
    }
}
