package whatsapp.integrations.lifecycle.control;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a creation claim is held: Evolution's worst-case create time. A create our client gave up on (read timeout)
 * may still be under way at Evolution; until the claim runs out nobody else may create under it, so the next request
 * finds the instance (and adopts it) instead of creating it a second time.
 */
public final class ClaimLease {

    /** Evolution may go on for this many times our whole wait (connect + read timeout) after we gave up. */
    static final int TIMEOUTS = 3;

    private ClaimLease() {
    }

    /**
     * @param configuredSeconds {@code provisioning.claim-lease-seconds} when set
     * @return the configured lease, else {@value #TIMEOUTS} times connect + read timeout (21 s with the defaults)
     */
    public static Duration of(Optional<Long> configuredSeconds, long connectTimeoutMs, long readTimeoutMs) {
        if (configuredSeconds.isPresent()) {
            if (configuredSeconds.get() <= 0) throw new IllegalArgumentException("provisioning.claim-lease-seconds must be positive");
            return Duration.ofSeconds(configuredSeconds.get());
        }
        return Duration.ofMillis(TIMEOUTS * (connectTimeoutMs + readTimeoutMs));
    }
}
