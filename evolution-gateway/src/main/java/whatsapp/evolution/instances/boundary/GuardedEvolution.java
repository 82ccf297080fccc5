package whatsapp.evolution.instances.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import whatsapp.evolution.instances.control.Circuit;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Removal;

/**
 * The request path's way to Evolution: each call within a time budget (MP Fault Tolerance
 * {@code @Timeout}, on top of the client's own timeouts and retries) and behind its server's circuit breaker
 * ({@link Circuit}: opens after {@value #CIRCUIT_THRESHOLD} unusable answers in a row for 5 s, one per server so that
 * a dead server never fails the others' requests). Whatever goes wrong — timeout, open circuit,
 * unusable answer — comes back as that call's {@code Unavailable}, never as "missing". Every call names the
 * server its instance lives on (the row's {@code evolution_server}).
 * Budgets are MP Config properties, e.g.
 * {@code whatsapp.evolution.instances.boundary.GuardedEvolution/lookup/Timeout/value=8000}.
 */
@ApplicationScoped
@Timeout(value = 12, unit = ChronoUnit.SECONDS)
public class GuardedEvolution {

    static final int CIRCUIT_THRESHOLD = 20;
    static final Duration CIRCUIT_DELAY = Duration.ofSeconds(5);

    @Inject
    EvolutionFleet fleet;

    final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    @Fallback(Unavailability.OfLookup.class)
    public Lookup lookup(String server, String name) {
        return guarded(server, () -> fleet.on(server).lookup(name), Lookup.Unavailable.class, Lookup.Unavailable::new);
    }

    /** {@link Evolution#lookupWithoutWaiting}: never waits for a key proof; for answers that must be fast (webhooks). */
    @Fallback(Unavailability.OfLookup.class)
    public Lookup lookupWithoutWaiting(String server, String name) {
        return guarded(server, () -> fleet.on(server).lookupWithoutWaiting(name), Lookup.Unavailable.class,
                Lookup.Unavailable::new);
    }

    @Fallback(Unavailability.OfCreation.class)
    public Creation create(String server, CreateInstance request) {
        return guarded(server, () -> fleet.on(server).create(request), Creation.Unavailable.class, Creation.Unavailable::new);
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS) // logout, then delete
    @Fallback(Unavailability.OfRemoval.class)
    public Removal delete(String server, String name) {
        return guarded(server, () -> fleet.on(server).delete(name), Removal.Unavailable.class, Removal.Unavailable::new);
    }

    @Fallback(Unavailability.OfPairing.class)
    public Pairing connect(String server, String name, Optional<String> number) {
        return guarded(server, () -> fleet.on(server).connect(name, number), Pairing.Unavailable.class,
                Pairing.Unavailable::new);
    }

    /** Best effort (adoption): false on any failure, including an open circuit or the time budget. */
    @Fallback(fallbackMethod = "webhookNotSet")
    public boolean setWebhook(String server, String name, String url, java.util.Map<String, String> headers,
                              java.util.List<String> events) {
        var set = guarded(server, () -> fleet.on(server).setWebhook(name, url, headers, events) ? Boolean.TRUE : null,
                Void.class, reason -> null);
        if (set == null) throw new EvolutionDown(Boolean.FALSE);
        return true;
    }

    boolean webhookNotSet(String server, String name, String url, java.util.Map<String, String> headers,
                          java.util.List<String> events) {
        return false;
    }

    /** Whether this server's circuit is open now (visibility). */
    public boolean circuitOpen(String server) {
        var circuit = circuits.get(server);
        return circuit != null && circuit.open();
    }

    /**
     * The call through its server's circuit: refused at once while open; an unusable answer (an instance of
     * {@code unavailable}, or null) counts as a failure and is thrown as {@link EvolutionDown} for the fallback.
     */
    <T> T guarded(String server, Supplier<T> call, Class<?> unavailable, Function<String, T> open) {
        var circuit = circuits.computeIfAbsent(server == null ? EvolutionServer.DEFAULT : server,
                name -> new Circuit(CIRCUIT_THRESHOLD, CIRCUIT_DELAY, Clock.systemUTC()));
        if (!circuit.allow()) throw new EvolutionDown(open.apply(Circuit.OPEN));
        T answer = call.get();
        if (answer == null || unavailable.isInstance(answer)) {
            circuit.failed();
            throw new EvolutionDown(answer);
        }
        circuit.succeeded();
        return answer;
    }
}
