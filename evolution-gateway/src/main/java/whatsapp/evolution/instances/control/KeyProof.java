package whatsapp.evolution.instances.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Whether our API key recently worked. Evolution answers 404 for an unknown name before it
 * checks the key, so a 404 means "missing" only while the key is proven: an authenticated call
 * succeeded within the validity. Any 401 clears the proof at once.
 */
public class KeyProof {

    private final Clock clock;
    private final Duration validity;
    private volatile Instant provenUntil = Instant.MIN;

    public KeyProof(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    public void confirmed() {
        provenUntil = clock.instant().plus(validity);
    }

    public void rejected() {
        provenUntil = Instant.MIN;
    }

    public boolean proven() {
        return clock.instant().isBefore(provenUntil);
    }

    /**
     * @param listing one fleet listing, sent through {@link Calls} (which confirms or rejects the key)
     * @return null when the key is proven, by the listing if need be; else why it is not
     */
    public String doubt(Supplier<EvolutionAnswer> listing) {
        if (proven()) return null;
        var proof = listing.get();
        if (proof.kind() == EvolutionAnswer.Kind.OK) return null;
        return proof.kind() == EvolutionAnswer.Kind.KEY_REJECTED ? proof.reason() : "API key unproven: " + proof.reason();
    }
}
