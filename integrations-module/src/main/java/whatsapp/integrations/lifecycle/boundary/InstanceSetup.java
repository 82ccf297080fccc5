package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
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
 * Whatever Evolution leaves unclear releases the claim (its name is kept for the next attempt) and answers 503.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InstanceSetup {

    static final Logger LOG = Logger.getLogger(InstanceSetup.class.getName());
    static final List<String> EVENTS = List.of("CONNECTION_UPDATE", "QRCODE_UPDATED");

    @EJB
    Creations creations;

    @Inject
    GuardedEvolution evolution;

    @Inject
    InstanceCache cache;

    @Inject
    @ConfigProperty(name = "public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public Provisioned create(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor,
                              String reason) {
        var request = new CreateInstance(name.value(), webhookUrl(), Map.of(WebhookSecret.HEADER, secret.value()), EVENTS);
        return evolution.create(request).match(
                created -> recorded(creations.created(organizationId, name, created.instanceId(), secret.hash(),
                        ConnectionState.firstSeen(ConnectionState.of(created.status())), actor, reason)),
                // our own earlier attempt may have created it: look it up rather than fail blindly
                taken -> adopt(organizationId, name, claimant, actor, evolution.lookup(name.value()), null),
                rejected -> {
                    creations.drop(organizationId, claimant);
                    throw new EvolutionRejected(rejected.messages());
                },
                unavailable -> {
                    throw released(organizationId, claimant, unavailable.reason());
                });
    }

    /** A claim left by a creator that vanished: its instance may exist already. */
    public Provisioned resume(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor) {
        return adopt(organizationId, name, claimant, actor, evolution.lookup(name.value()), secret);
    }

    /**
     * @param secret for an instance Evolution confirms it never created; null when Evolution just said the name is
     *               taken, so that a 404 for it now is a contradiction and creating again would meet the same answer
     */
    Provisioned adopt(String organizationId, InstanceName name, String claimant, String actor, Lookup lookup,
                      WebhookSecret secret) {
        return lookup.match(
                found -> {
                    LOG.info(() -> "Adopting instance " + name.value() + " created by an interrupted request");
                    return recorded(creations.created(organizationId, name, found.instance().id(),
                            adoptedSecretHash(organizationId, name), ConnectionState.firstSeen(found.instance().connectionStatus()),
                            actor, "adopted instance of an interrupted creation"));
                },
                missing -> {
                    if (secret != null) return create(organizationId, name, secret, claimant, actor, "interrupted creation resumed");
                    throw released(organizationId, claimant, "instance name taken but not found");
                },
                unavailable -> {
                    throw released(organizationId, claimant, unavailable.reason());
                });
    }

    Provisioned recorded(Integration integration) {
        cache.put(integration.ref());
        return new Provisioned(integration, false);
    }

    EvolutionUnavailable released(String organizationId, String claimant, String reason) {
        creations.release(organizationId, claimant);
        return new EvolutionUnavailable(reason);
    }

    /**
     * Which request's secret the adopted instance sends is not certain (several may have tried to
     * create it), so it gets a fresh one; if Evolution cannot be told now, the hash recorded with
     * the claim is kept, which is right unless the creator was itself a takeover.
     */
    String adoptedSecretHash(String organizationId, InstanceName name) {
        var fresh = WebhookSecret.generate();
        if (evolution.setWebhook(name.value(), webhookUrl(), Map.of(WebhookSecret.HEADER, fresh.value()), EVENTS)) {
            return fresh.hash();
        }
        LOG.warning(() -> "Could not re-point the webhook of adopted instance " + name.value() + "; keeping the claimed secret");
        return creations.claimedSecretHash(organizationId);
    }

    String webhookUrl() {
        return publicUrl.replaceAll("/+$", "") + "/integrations/webhooks/evolution";
    }
}
