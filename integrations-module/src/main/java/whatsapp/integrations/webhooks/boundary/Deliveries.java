package whatsapp.integrations.webhooks.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import whatsapp.integrations.problems.entity.WrongWebhookSecret;
import java.time.Instant;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.evolution.webhooks.entity.WebhookDelivery;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.status.boundary.StatusWriter;
import whatsapp.integrations.webhooks.control.WebhookSecret;
import whatsapp.integrations.webhooks.entity.QrCodeDelivered;
import whatsapp.integrations.webhooks.entity.WebhookAnswer;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * Applies one webhook delivery: the instance must be ours and the secret its own (401 otherwise, nothing changed),
 * then what the delivery says is recorded unless a newer delivery was applied already. No transaction is open while
 * Evolution is asked why a session was logged out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Deliveries {

    @EJB
    StatusWriter statuses;

    @Inject
    GuardedEvolution evolution;

    @Inject
    jakarta.enterprise.event.Event<QrCodeDelivered> qrCodes;

    @jakarta.persistence.PersistenceContext
    jakarta.persistence.EntityManager em;

    public WebhookAnswer receive(String secret, JsonObject body) {
        var receivedAt = Instant.now();
        var delivery = parse(body);
        var target = statuses.webhookTarget(delivery.instance());
        if (target.isEmpty()) return WebhookAnswer.ignored("unknown instance");
        if (!WebhookSecret.matches(secret, target.get())) throw new WrongWebhookSecret();
        showQr(delivery);
        var observation = delivery.observation(receivedAt);
        if (observation.isEmpty()) return WebhookAnswer.ignored("event " + delivery.event() + " does not change the status");
        var seen = observation.get();
        if (CloseReason.LOGGED_OUT.equals(seen.disconnectReason())) seen = seen.withReason(whyLoggedOut(seen));
        var result = statuses.observeWebhook(seen, delivery.dateTime(), digest(body));
        return result.applied() ? WebhookAnswer.applied(result.status()) : WebhookAnswer.ignored(result.reason());
    }

    /** A new code ({@code qrcode.updated} with a {@code qrcode}) goes to the pairing streams, whatever the status does. */
    void showQr(WebhookDelivery delivery) {
        if (!"qrcode.updated".equals(delivery.event())) return;
        if (!(delivery.data().get("qrcode") instanceof jakarta.json.JsonObject qr)) return;
        qrCodes.fire(new QrCodeDelivered(delivery.instance(), text(qr, "base64"), text(qr, "code"), text(qr, "pairingCode")));
    }

    static String text(jakarta.json.JsonObject json, String key) {
        return json.get(key) instanceof jakarta.json.JsonString text && !text.getString().isBlank() ? text.getString() : null;
    }

    /** A fingerprint of the delivery as Evolution sent it: the same delivery sent again has the same one. */
    static String digest(JsonObject body) {
        try {
            var hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Evolution server of the instance's row; {@code default} when it has none. */
    String serverOf(String instanceName) {
        var servers = em.createNativeQuery("SELECT evolution_server FROM integrations.integrations WHERE instance_name = ?1")
                .setParameter(1, instanceName).getResultList();
        return servers.isEmpty() ? "default" : (String) servers.get(0);
    }

    static WebhookDelivery parse(JsonObject body) {
        try {
            return WebhookDelivery.of(body);
        } catch (WebhookDelivery.Malformed malformed) {
            throw new InvalidInput(malformed.field, malformed.getMessage());
        }
    }

    /**
     * A 401 close is a device removal or an API logout: only Evolution's stored disconnection document tells. The
     * answer never waits for a proof of our API key (a fleet listing): only a found row matters here.
     */
    String whyLoggedOut(Observation seen) {
        return evolution.lookupWithoutWaiting(serverOf(seen.instanceName()), seen.instanceName()).match(
                found -> found.instance().disconnectReason().orElse(CloseReason.LOGGED_OUT),
                missing -> CloseReason.LOGGED_OUT,
                unavailable -> CloseReason.LOGGED_OUT);
    }
}
