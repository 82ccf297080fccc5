package whatsapp.integrations.pairing.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.lifecycle.boundary.Inventory;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.integrations.api.RestartResult;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.pairing.entity.PairingAnswer;
import whatsapp.integrations.pairing.entity.PairingEvent;
import whatsapp.integrations.pairing.entity.PairingSession;
import whatsapp.integrations.problems.entity.PairingConflict;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * The calls that (re)open an instance's WhatsApp session, each under the instance's {@link ConnectLease}: a QR code
 * for the clinic's phone, and the auto-heal's restart. No transaction is open while Evolution is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Pairings {


    @EJB
    ConnectLease lease;

    @Inject
    GuardedEvolution guarded;

    /** The maintenance module's jobs use Evolution without the request path's time budget and circuit breaker. */
    @Inject
    EvolutionFleet fleet;

    @Inject
    Inventory inventory;

    @EJB
    PairingSessions sessions;

    /** A QR code (or pairing code) from Evolution's connect call; 409 when connected, gone or already pairing. */
    public PairingAnswer qr(String instanceName) {
        return leased(instanceName, () -> {
            throw new PairingConflict("A pairing request for " + instanceName + " is already in progress; retry in a few seconds");
        }, () -> guarded.connect(serverOf(instanceName), instanceName, Optional.empty()).match(
                qr -> new PairingAnswer(instanceName, qr.base64(), qr.pairingCode()),
                connected -> {
                    throw new PairingConflict("Instance " + instanceName + " is already connected; nothing to pair");
                },
                missing -> {
                    throw new PairingConflict("Evolution no longer has instance " + instanceName
                            + "; create the integration again (POST /integrations/whatsapp)");
                },
                unavailable -> {
                    throw new EvolutionUnavailable(unavailable.reason());
                }));
    }

    /** What {@code POST .../pairing} answers: the session's current code, and whether this request started it. */
    public record Started(PairingSession session, boolean created) {
    }

    /**
     * Starts a pairing session, or answers the running one's current code. Evolution's connect is called only under the
     * instance's {@link ConnectLease} (never two at once for one instance, anywhere in the cluster) and only when no
     * session runs; a request that finds the lease taken waits for the session its holder starts.
     *
     * @param number with it (and the instance {@code close} at Evolution), Evolution issues a pairing code as well
     */
    public Started start(Integration integration, Optional<String> number) {
        var name = integration.instanceName();
        if (integration.status() == Status.connected)
            throw new PairingConflict("Instance " + name + " is already connected; nothing to pair");
        var running = sessions.current(integration.id());
        if (running.isPresent()) return new Started(session(name, running.get()), false);
        if (!lease.take(name)) return new Started(session(name, awaitSession(integration)), false);
        try {
            running = sessions.current(integration.id());
            if (running.isPresent()) return new Started(session(name, running.get()), false);
            var shown = guarded.connect(integration.evolutionServer(), name, number).match(
                    qr -> sessions.show(name, qr.base64(), qr.code(), qr.pairingCode()).orElseThrow(() ->
                            new EvolutionUnavailable("Evolution answered the connect call without a QR code or pairing code; retry in a few seconds")),
                    connected -> {
                        throw new PairingConflict("Instance " + name + " is already connected; nothing to pair");
                    },
                    missing -> {
                        throw new PairingConflict("Evolution no longer has instance " + name
                                + "; create the integration again (POST /integrations/whatsapp)");
                    },
                    unavailable -> {
                        throw new EvolutionUnavailable(unavailable.reason());
                    });
            return new Started(session(name, shown), true);
        } finally {
            lease.release(name);
        }
    }

    /** Another request holds the connect lease: the session it starts, once recorded; 409 if none comes. */
    PairingEvent awaitSession(Integration integration) {
        var deadline = System.nanoTime() + ConnectLease.LEASE.toNanos() / 3;
        while (System.nanoTime() < deadline) {
            var running = sessions.current(integration.id());
            if (running.isPresent()) return running.get();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new PairingConflict("A pairing request for " + integration.instanceName() + " is already in progress; retry in a few seconds");
    }

    static PairingSession session(String instanceName, PairingEvent event) {
        var qr = jakarta.json.Json.createReader(new java.io.StringReader(event.data())).readObject();
        return new PairingSession(instanceName, text(qr, "qr_base64"), text(qr, "pairing_code"),
                java.time.Instant.parse(qr.getString("expires_at")), event.id());
    }

    static String text(jakarta.json.JsonObject json, String key) {
        return json.get(key) instanceof jakarta.json.JsonString text ? text.getString() : null;
    }

    /** The auto-heal's restart of an instance stuck connecting. */
    public RestartResult restart(String instanceName) {
        return leased(instanceName, () -> new RestartResult(RestartResult.Outcome.BUSY, "a pairing request for it is in progress"),
                () -> fleet.on(serverOf(instanceName)).restart(instanceName).match(
                        restarted -> new RestartResult(RestartResult.Outcome.RESTARTED, "Evolution reports "
                                + (restarted.state() == null ? "no state" : restarted.state().name()) + " after the restart"),
                        missing -> new RestartResult(RestartResult.Outcome.MISSING, "Evolution no longer has it"),
                        unavailable -> new RestartResult(RestartResult.Outcome.FAILED, unavailable.reason())));
    }

    /** The Evolution server of the instance's row (the one server {@code default} when it has none). */
    String serverOf(String instanceName) {
        return inventory.find(instanceName).map(IntegrationSummary::evolutionServer).orElse(IntegrationSummary.DEFAULT_SERVER);
    }

    <T> T leased(String instanceName, Supplier<T> busy, Supplier<T> call) {
        if (!lease.take(instanceName)) return busy.get();
        try {
            return call.get();
        } finally {
            lease.release(instanceName);
        }
    }
}
