package whatsapp.integrations.lifecycle.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.lifecycle.control.ProvisioningDecision.ForClaim;
import whatsapp.integrations.lifecycle.control.ProvisioningDecision.ForEnabled;
import whatsapp.integrations.lifecycle.entity.Claim;
import whatsapp.integrations.lifecycle.entity.InstanceName;

class ProvisioningDecisionTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final InstanceName NAME = new InstanceName("clinic-org-1-1763224272772");

    @Test
    void anInstanceEvolutionConfirmsIsReused() {
        var found = new Lookup.Found(new EvolutionInstance(NAME.value(), "id", null, null, null, null, null, null));
        assertThat(ProvisioningDecision.forEnabled(found)).isEqualTo(ForEnabled.REUSE);
    }

    @Test
    void onlyEvolutionsOwn404RetiresTheRow() {
        assertThat(ProvisioningDecision.forEnabled(new Lookup.Missing(NAME.value()))).isEqualTo(ForEnabled.RETIRE_AND_CREATE);
    }

    @Test
    void anUnreachableEvolutionNeverCountsAsAMissingInstance() {
        assertThat(ProvisioningDecision.forEnabled(new Lookup.Unavailable("HTTP 502"))).isEqualTo(ForEnabled.UNAVAILABLE);
    }

    @Test
    void aFreshSlotCreatesAndAVanishedCreatorsSlotIsResumedNotCreatedAgain() {
        var deadline = NOW.plusSeconds(30);
        assertThat(ProvisioningDecision.forClaim(new Claim.Fresh(NAME), NOW, deadline)).isEqualTo(ForClaim.CREATE);
        assertThat(ProvisioningDecision.forClaim(new Claim.TakenOver(NAME), NOW, deadline)).isEqualTo(ForClaim.RESUME);
    }

    @Test
    void aConcurrentCreationIsWaitedForUntilTheDeadlineThenGivenUp() {
        var deadline = NOW.plusSeconds(30);
        assertThat(ProvisioningDecision.forClaim(new Claim.Busy(), NOW, deadline)).isEqualTo(ForClaim.WAIT);
        assertThat(ProvisioningDecision.forClaim(new Claim.Busy(), deadline, deadline)).isEqualTo(ForClaim.WAIT);
        assertThat(ProvisioningDecision.forClaim(new Claim.Busy(), deadline.plusMillis(1), deadline)).isEqualTo(ForClaim.GIVE_UP);
    }
}
