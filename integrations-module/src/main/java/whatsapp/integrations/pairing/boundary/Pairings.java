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
import whatsapp.integrations.pairing.entity.PairingAnswer;
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
