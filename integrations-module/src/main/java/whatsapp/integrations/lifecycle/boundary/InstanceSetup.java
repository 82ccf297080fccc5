package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.lifecycle.entity.InstanceName;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Provisioned;
import whatsapp.integrations.problems.entity.EvolutionRejected;
import whatsapp.integrations.webhooks.control.WebhookSecret;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * Brings a claimed slot's Evolution instance into being: creates it with our webhook and a fresh secret, or adopts the
 * instance an interrupted creation left under the claim's recorded name, so that no second instance is ever made.
 * Whatever Evolution leaves unclear answers 503 and keeps the claim's name for the next attempt: a create that was sent
 * keeps the claim for Evolution's worst-case create time (it may still be under way), anything else releases it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceSetup {

    static final Logger LOG = Logger.getLogger(InstanceSetup.class.getName());
    static final List<String> EVENTS = List.of("CONNECTION_UPDATE", "QRCODE_UPDATED");
    static final Duration RECHECK_PAUSE = Duration.ofSeconds(1);
    static final int WEBHOOK_ATTEMPTS = 3;
    static final Duration WEBHOOK_PAUSE = Duration.ofMillis(500);

    @EJB
    Creations creations;

    @Inject
    GuardedEvolution evolution;

    @Inject
    InstanceCache cache;

    @Inject
    ProvisioningSettings settings;

    @Inject
    @ConfigProperty(name = "public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Creates the claimed instance; the claim was just made or renewed, so it is held for Evolution's worst case. */
    public Provisioned create(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor,
                              String reason) {
        var request = new CreateInstance(name.value(), webhookUrl(), Map.of(WebhookSecret.HEADER, secret.value()), EVENTS);
        return evolution.create(name.server(), request).match(
                created -> recorded(creations.created(organizationId, claimant, name, created.instanceId(), secret.hash(),
                        ConnectionState.firstSeen(ConnectionState.of(created.status())), actor, reason)),
                // our own earlier attempt may have created it: look it up rather than fail blindly
                taken -> adopt(organizationId, name, claimant, actor, evolution.lookup(name.server(), name.value()), null, true),
                rejected -> {
                    creations.drop(organizationId, claimant);
                    throw new EvolutionRejected(rejected.messages());
                },
                unavailable -> {
                    throw kept(unavailable.reason());
                });
    }

    /** A claim left by a creator that vanished or gave up: its instance may exist already, or still be on its way. */
    public Provisioned resume(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor) {
        return adopt(organizationId, name, claimant, actor, evolution.lookup(name.server(), name.value()), secret, false);
    }

    /**
     * @param secret     for an instance Evolution confirms it never created; null when Evolution just said the name is
     *                   taken, so that a 404 for it now is a contradiction and creating again would meet the same answer
     * @param createSent whether this request asked Evolution to create it: then the claim is kept whatever happens,
     *                   since Evolution may still be creating it
     */
    Provisioned adopt(String organizationId, InstanceName name, String claimant, String actor, Lookup lookup,
                      WebhookSecret secret, boolean createSent) {
        return lookup.match(
                found -> {
                    LOG.info(() -> "Adopting instance " + name.value() + " created by an interrupted request");
                    var webhook = adoptedWebhook(organizationId, name);
                    return recorded(creations.created(organizationId, claimant, name, found.instance().id(),
                            webhook.hash(), webhook.verified(), ConnectionState.firstSeen(found.instance().connectionStatus()),
                            actor, "adopted instance of an interrupted creation"));
                },
                missing -> {
                    if (secret == null) throw kept("instance name taken but not found");
                    var confirmed = recheckedMissing(name);
                    if (confirmed.isPresent()) {
                        return adopt(organizationId, name, claimant, actor, confirmed.get(), secret, createSent);
                    }
                    creations.renew(organizationId, claimant, settings.claimLease());
                    return create(organizationId, name, secret, claimant, actor, "interrupted creation resumed");
                },
                unavailable -> {
                    throw createSent ? kept(unavailable.reason()) : released(organizationId, claimant, unavailable.reason());
                });
    }

    /**
     * Before a taken-over claim's instance is created: the vanished creator's create may still be landing at Evolution,
     * so a few more lookups, a second apart, must all miss.
     *
     * @return empty when every lookup missed; else the first lookup that did not (found, or unavailable)
     */
    Optional<Lookup> recheckedMissing(InstanceName name) {
        for (int i = 0; i < settings.takeoverRechecks(); i++) {
            pause(RECHECK_PAUSE);
            var again = evolution.lookup(name.server(), name.value());
            if (!(again instanceof Lookup.Missing)) return Optional.of(again);
        }
        return Optional.empty();
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvolutionUnavailable("interrupted");
        }
    }

    Provisioned recorded(Integration integration) {
        cache.put(integration.ref());
        return new Provisioned(integration, false);
    }

    /** Nothing was asked of Evolution under the claim: it expires now, so the next request may go on at once. */
    EvolutionUnavailable released(String organizationId, String claimant, String reason) {
        creations.release(organizationId, claimant);
        return new EvolutionUnavailable(reason);
    }

    /**
     * A create was sent and its outcome is unknown: Evolution may still be creating the instance, so the claim is kept
     * until its lease (Evolution's worst-case create time) runs out; the next request then adopts what Evolution made.
     */
    static EvolutionUnavailable kept(String reason) {
        return new EvolutionUnavailable(reason);
    }

    /** The secret hash an adopted instance's row stores, and whether Evolution is known to hold that secret. */
    record AdoptedWebhook(String hash, boolean verified) {
    }

    /**
     * Which request's secret the adopted instance sends is not certain (several may have tried to
     * create it), so it gets a fresh one, tried {@value #WEBHOOK_ATTEMPTS} times now; if Evolution cannot be told, the
     * hash recorded with the claim is kept, which is right unless the creator was itself a takeover, and the row is
     * flagged {@code webhook_unverified} until {@link WebhookRepair} sets a fresh secret.
     */
    AdoptedWebhook adoptedWebhook(String organizationId, InstanceName name) {
        for (int attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++) {
            var fresh = WebhookSecret.generate();
            if (evolution.setWebhook(name.server(), name.value(), webhookUrl(), Map.of(WebhookSecret.HEADER, fresh.value()), EVENTS)) {
                return new AdoptedWebhook(fresh.hash(), true);
            }
            if (attempt < WEBHOOK_ATTEMPTS) pause(WEBHOOK_PAUSE);
        }
        LOG.warning(() -> "Could not re-point the webhook of adopted instance " + name.value()
                + "; keeping the claimed secret, flagged webhook_unverified and retried in the background");
        return new AdoptedWebhook(creations.claimedSecretHash(organizationId), false);
    }

    /** Where Evolution delivers this service's webhooks. */
    public String webhookUrl() {
        return publicUrl.replaceAll("/+$", "") + "/integrations/webhooks/evolution";
    }
}
