package whatsapp.integrations.lifecycle.control;

import java.time.Instant;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.lifecycle.entity.Claim;

/**
 * The rules of create-or-reuse, one decision per thing learnt, data in, data out; {@code Provisioning} carries them
 * out. Only Evolution's own 404 ever makes an instance "gone"; whatever is unclear changes nothing and answers 503.
 */
public final class ProvisioningDecision {

    /** What to do with the organization's enabled integration. */
    public enum ForEnabled {
        /** Evolution confirmed its instance: answer with it */
        REUSE,
        /** Evolution confirmed (404) that its instance is gone: retire the row through the deletion path, then create */
        RETIRE_AND_CREATE,
        /** nothing known: 503, nothing deleted or created */
        UNAVAILABLE
    }

    /** What to do once the organization's creation slot was asked for. */
    public enum ForClaim {
        /** a fresh slot under a new name: create the instance */
        CREATE,
        /** a slot left by a creator that vanished: its instance may exist, look it up first */
        RESUME,
        /** someone else is creating: wait for its row */
        WAIT,
        /** someone else is still creating after the wait: 409 */
        GIVE_UP
    }

    private ProvisioningDecision() {
    }

    public static ForEnabled forEnabled(Lookup lookup) {
        return lookup.match(found -> ForEnabled.REUSE, missing -> ForEnabled.RETIRE_AND_CREATE,
                unavailable -> ForEnabled.UNAVAILABLE);
    }

    public static ForClaim forClaim(Claim claim, Instant now, Instant deadline) {
        return claim.match(fresh -> ForClaim.CREATE, takenOver -> ForClaim.RESUME,
                () -> now.isAfter(deadline) ? ForClaim.GIVE_UP : ForClaim.WAIT);
    }
}
