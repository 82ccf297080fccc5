package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.lifecycle.control.ClaimLease;

/** The create path's settings (MicroProfile Config; environment variables in README's table). */
@ApplicationScoped
public class ProvisioningSettings {

    @Inject
    @ConfigProperty(name = "provisioning.claim-lease-seconds")
    Optional<Long> claimLeaseSeconds;

    @Inject
    @ConfigProperty(name = "evolution.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "evolution.read-timeout-ms", defaultValue = "5000")
    long readTimeoutMs;

    @Inject
    @ConfigProperty(name = "provisioning.wait-seconds", defaultValue = "30")
    long waitSeconds;

    @Inject
    @ConfigProperty(name = "provisioning.takeover-rechecks", defaultValue = "3")
    int takeoverRechecks;

    @Inject
    @ConfigProperty(name = "provisioning.max-waiters-per-organization", defaultValue = "8")
    int maxWaiters;

    /** Evolution's worst-case create time: how long a claim is held from the moment its create is sent. */
    public Duration claimLease() {
        return ClaimLease.of(claimLeaseSeconds, connectTimeoutMs, readTimeoutMs);
    }

    /** How long a create waits for another request's creation before it answers 409. */
    public Duration waitFor() {
        return Duration.ofSeconds(waitSeconds);
    }

    /** Lookups, a second apart, that must all miss before a taken-over claim's instance is created. */
    public int takeoverRechecks() {
        return Math.max(0, takeoverRechecks);
    }

    /** Creates of one organization that may wait on one node; more are answered 409 at once. */
    public int maxWaiters() {
        return maxWaiters;
    }
}
