package whatsapp.evolution.instances.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Removal;

/**
 * The request path's way to Evolution: each call within a time budget (MP Fault Tolerance
 * {@code @Timeout}, on top of the client's own timeouts and retries) and behind a circuit breaker
 * that opens after a run of unusable answers. Whatever goes wrong — timeout, open circuit,
 * unusable answer — comes back as that call's {@code Unavailable}, never as "missing".
 * Budgets and thresholds are MP Config properties, e.g.
 * {@code whatsapp.evolution.instances.boundary.GuardedEvolution/lookup/Timeout/value=8000}.
 */
@ApplicationScoped
@Timeout(value = 12, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 1.0, delay = 5, delayUnit = ChronoUnit.SECONDS,
        failOn = EvolutionDown.class)
public class GuardedEvolution {

    @Inject
    Evolution evolution;

    @Fallback(Unavailability.OfLookup.class)
    public Lookup lookup(String name) {
        return EvolutionDown.throwIfUnavailable(evolution.lookup(name), Lookup.Unavailable.class);
    }

    /** {@link Evolution#lookupWithoutWaiting}: never waits for a key proof; for answers that must be fast (webhooks). */
    @Fallback(Unavailability.OfLookup.class)
    public Lookup lookupWithoutWaiting(String name) {
        return EvolutionDown.throwIfUnavailable(evolution.lookupWithoutWaiting(name), Lookup.Unavailable.class);
    }

    @Fallback(Unavailability.OfCreation.class)
    public Creation create(CreateInstance request) {
        return EvolutionDown.throwIfUnavailable(evolution.create(request), Creation.Unavailable.class);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS) // logout, then delete
    @Fallback(Unavailability.OfRemoval.class)
    public Removal delete(String name) {
        return EvolutionDown.throwIfUnavailable(evolution.delete(name), Removal.Unavailable.class);
    }

    @Fallback(Unavailability.OfPairing.class)
    public Pairing connect(String name, Optional<String> number) {
        return EvolutionDown.throwIfUnavailable(evolution.connect(name, number), Pairing.Unavailable.class);
    }

    /** Best effort (adoption): false on any failure, including an open circuit or the time budget. */
    @Fallback(fallbackMethod = "webhookNotSet")
    public boolean setWebhook(String name, String url, java.util.Map<String, String> headers, java.util.List<String> events) {
        if (!evolution.setWebhook(name, url, headers, events)) throw new EvolutionDown(Boolean.FALSE);
        return true;
    }

    boolean webhookNotSet(String name, String url, java.util.Map<String, String> headers, java.util.List<String> events) {
        return false;
    }
}
