package whatsapp.maintenance.heal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.maintenance.heal.control.HealPolicy.Verdict.NOT_STUCK;
import static whatsapp.maintenance.heal.control.HealPolicy.Verdict.REPAIR_NEEDED;
import static whatsapp.maintenance.heal.control.HealPolicy.Verdict.RESTART;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.heal.entity.InstanceState;

class HealPolicyTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    static final Instant PAIRED = NOW.minus(Duration.ofDays(3));

    @Test
    void aPairedInstanceConnectingForLongerThanTheThresholdIsRestarted() {
        assertThat(HealPolicy.judge(connecting(NOW.minus(TEN_MINUTES), PAIRED, null, null), TEN_MINUTES, NOW)).isEqualTo(RESTART);
    }

    @Test
    void connectingForLessThanTheThresholdIsNotStuck() {
        assertThat(HealPolicy.judge(connecting(NOW.minus(Duration.ofMinutes(9)), PAIRED, null, null), TEN_MINUTES, NOW))
                .isEqualTo(NOT_STUCK);
    }

    @Test
    void aNeverPairedInstanceWaitingForItsQrIsNotStuck() {
        var state = new InstanceState("clinic-a-1", "org", Status.connecting, null, NOW.minus(Duration.ofHours(1)), null, null,
                listed(ConnectionState.connecting, null, null), "default");
        assertThat(HealPolicy.judge(state, TEN_MINUTES, NOW)).isEqualTo(NOT_STUCK);
    }

    @Test
    void evolutionMustAgreeThatItIsConnecting() {
        var state = new InstanceState("clinic-a-1", "org", Status.connecting, null, NOW.minus(Duration.ofHours(1)), PAIRED, "5511",
                listed(ConnectionState.open, null, null), "default");
        assertThat(HealPolicy.judge(state, TEN_MINUTES, NOW)).isEqualTo(NOT_STUCK);
        var unlisted = new InstanceState("clinic-a-1", "org", Status.connecting, null, NOW.minus(Duration.ofHours(1)), PAIRED, "5511", null, "default");
        assertThat(HealPolicy.judge(unlisted, TEN_MINUTES, NOW)).isEqualTo(NOT_STUCK);
    }

    @Test
    void after401Or403ARestartCannotHelp() {
        var removed = connecting(NOW.minus(Duration.ofHours(1)), PAIRED, 401, NOW.minus(Duration.ofHours(2)));
        assertThat(HealPolicy.judge(removed, TEN_MINUTES, NOW)).isEqualTo(REPAIR_NEEDED);
        var banned = connecting(NOW.minus(Duration.ofHours(1)), PAIRED, 403, NOW.minus(Duration.ofHours(2)));
        assertThat(HealPolicy.judge(banned, TEN_MINUTES, NOW)).isEqualTo(REPAIR_NEEDED);
    }

    @Test
    void aSticky401FromBeforeTheLastPairingDoesNotBlockTheRestart() {
        var state = connecting(NOW.minus(Duration.ofHours(1)), PAIRED, 401, PAIRED.minus(Duration.ofDays(1)));
        assertThat(HealPolicy.judge(state, TEN_MINUTES, NOW)).isEqualTo(RESTART);
    }

    static InstanceState connecting(Instant since, Instant connectedAt, Integer code, Instant disconnectedAt) {
        return new InstanceState("clinic-a-1", "org", Status.connecting, null, since, connectedAt, "5511999990000",
                listed(ConnectionState.connecting, code, disconnectedAt), "default");
    }

    static EvolutionInstance listed(ConnectionState state, Integer code, Instant disconnectedAt) {
        return new EvolutionInstance("clinic-a-1", "id", state, "5511999990000@s.whatsapp.net", code, null, disconnectedAt, PAIRED);
    }
}
