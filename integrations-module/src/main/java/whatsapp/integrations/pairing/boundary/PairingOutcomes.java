package whatsapp.integrations.pairing.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusesRecorded;
import whatsapp.integrations.webhooks.entity.QrCodeDelivered;
import whatsapp.web.json.JsonContract;

/**
 * Feeds the pairing sessions: each code Evolution's webhooks deliver, and the end of a running session when the
 * status recording says how it ended, inside the recording's transaction (whoever saw it: a webhook, a sweep): {@code connected}; {@code refused} when Evolution gave up showing codes
 * ({@code qr_limit_reached}, {@code qr_refused (428)}); {@code expired} when the instance went missing or is deleted.
 */
@ApplicationScoped
public class PairingOutcomes {

    public static final String REFUSED = "QR code limit reached: ask the clinic to start again";

    /** The data of a {@code refused} or {@code expired} event. */
    public record Ended(String reason) {
    }

    @EJB
    PairingSessions sessions;

    /** A new code delivered by Evolution's webhook goes to the session's streams. */
    void delivered(@Observes QrCodeDelivered delivered) {
        sessions.show(delivered.instanceName(), delivered.qrBase64(), delivered.code(), delivered.pairingCode());
    }

    void recorded(@Observes StatusesRecorded recorded) {
        for (var change : recorded.changes()) {
            if (change.integrationId() == null) continue;
            if (change.to() == Status.connected) {
                sessions.connected(change.integrationId());
            } else if (change.to() == Status.disconnected && refusal(change.reason())) {
                sessions.end(change.integrationId(), "refused", JsonContract.toJson(new Ended(REFUSED)));
            } else if (change.to() == Status.missing || change.to() == Status.deleting) {
                sessions.end(change.integrationId(), "expired", JsonContract.toJson(new Ended("the instance is " + change.to().name())));
            }
        }
    }

    static boolean refusal(String reason) {
        return CloseReason.QR_LIMIT_REACHED.equals(reason) || CloseReason.QR_REFUSED.equals(reason);
    }
}
