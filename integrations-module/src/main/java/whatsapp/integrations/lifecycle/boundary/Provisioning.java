package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.lifecycle.control.StatusMapping;
import whatsapp.integrations.lifecycle.control.WebhookSecret;
import whatsapp.integrations.lifecycle.entity.Claim;
import whatsapp.integrations.lifecycle.entity.InstanceName;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Provisioned;
import whatsapp.integrations.lifecycle.entity.Retired;
import whatsapp.integrations.problems.entity.CreationInProgress;
import whatsapp.integrations.problems.entity.EvolutionRejected;
import whatsapp.integrations.problems.entity.EvolutionUnavailable;

/**
 * Create-or-reuse, exactly one instance per organization whatever the concurrency. The database
 * decides: the partial unique index allows one enabled row, and the insert-first claim in
 * {@code provisioning_claims} lets one request per organization create while the others wait
 * for its answer. The claim records the instance name before Evolution is asked, so an instance
 * created just before a crash is adopted by the next create instead of being orphaned.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Provisioning {

    static final Logger LOG = Logger.getLogger(Provisioning.class.getName());
    static final List<String> EVENTS = List.of("CONNECTION_UPDATE", "QRCODE_UPDATED");

    @EJB
    Ledger ledger;

    @EJB
    Retirement retirement;

    @Inject
    GuardedEvolution evolution;

    @Inject
    InstanceCache cache;

    @Inject
    @ConfigProperty(name = "instance.prefix", defaultValue = "clinic-")
    String prefix;

    @Inject
    @ConfigProperty(name = "public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "provisioning.claim-lease-seconds", defaultValue = "60")
    long claimLeaseSeconds;

    @Inject
    @ConfigProperty(name = "provisioning.wait-seconds", defaultValue = "30")
    long waitSeconds;

    public Provisioned createOrReuse(String organizationId, String actor) {
        String claimant = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        while (true) {
            finishPendingDeletions(organizationId);
            var existing = ledger.enabledFor(organizationId);
            if (existing.isPresent()) {
                var reused = confirm(existing.get(), actor);
                if (reused != null) return reused;
                continue; // the stale row was retired: create anew
            }
            var secret = WebhookSecret.generate();
            var name = InstanceName.of(prefix, organizationId, Instant.now());
            var claim = ledger.claim(organizationId, name, secret.hash(), claimant, Duration.ofSeconds(claimLeaseSeconds));
            if (claim instanceof Claim.Fresh fresh) {
                return create(organizationId, fresh.name(), secret, claimant, actor, "no enabled integration");
            }
            if (claim instanceof Claim.TakenOver takenOver) {
                return adoptOrCreate(organizationId, takenOver.name(), secret, claimant, actor);
            }
            if (Instant.now().isAfter(deadline))
                throw new CreationInProgress("Another request is still creating this organization's integration");
            pause();
        }
    }

    /** The enabled row's instance: confirmed → reuse; Evolution's own 404 → retire the row; unknown → 503. */
    Provisioned confirm(Integration integration, String actor) {
        var lookup = evolution.lookup(integration.instanceName());
        if (lookup instanceof Lookup.Found) {
            ledger.recordReuse(integration, actor);
            cache.put(integration);
            return new Provisioned(integration, true);
        }
        if (lookup instanceof Lookup.Unavailable unavailable) throw new EvolutionUnavailable(unavailable.reason());
        LOG.warning(() -> "Instance " + integration.instanceName() + " is gone from Evolution; retiring its row");
        var retired = retirement.retire(integration.id(), "system:create",
                "Evolution confirmed (404) that instance " + integration.instanceName() + " no longer exists");
        if (retired instanceof Retired.Pending)
            throw new CreationInProgress("The previous integration's deletion could not be finished now");
        return null;
    }

    Provisioned create(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor,
                       String reason) {
        var request = new CreateInstance(name.value(), webhookUrl(), Map.of(WebhookSecret.HEADER, secret.value()), EVENTS);
        var creation = evolution.create(request);
        if (creation instanceof Creation.Created created) {
            var integration = ledger.recordCreated(organizationId, name, created.instanceId(), secret.hash(),
                    StatusMapping.fromEvolution(created.status()), actor, reason);
            cache.put(integration);
            return new Provisioned(integration, false);
        }
        if (creation instanceof Creation.NameTaken) {
            return adopt(organizationId, name, claimant, actor, evolution.lookup(name.value()));
        }
        if (creation instanceof Creation.Rejected rejected) {
            ledger.dropClaim(organizationId, claimant);
            throw new EvolutionRejected(rejected.messages());
        }
        ledger.releaseClaim(organizationId, claimant);
        throw new EvolutionUnavailable(((Creation.Unavailable) creation).reason());
    }

    /** A claim left by a creator that vanished: its instance may exist already. */
    Provisioned adoptOrCreate(String organizationId, InstanceName name, WebhookSecret secret, String claimant, String actor) {
        var lookup = evolution.lookup(name.value());
        if (lookup instanceof Lookup.Missing) {
            return create(organizationId, name, secret, claimant, actor, "interrupted creation resumed");
        }
        return adopt(organizationId, name, claimant, actor, lookup);
    }

    Provisioned adopt(String organizationId, InstanceName name, String claimant, String actor, Lookup lookup) {
        if (lookup instanceof Lookup.Found found) {
            EvolutionInstance instance = found.instance();
            LOG.info(() -> "Adopting instance " + name.value() + " created by an interrupted request");
            var integration = ledger.recordCreated(organizationId, name, instance.id(), adoptedSecretHash(organizationId, name),
                    StatusMapping.fromEvolution(instance.connectionStatus()), actor,
                    "adopted instance of an interrupted creation");
            cache.put(integration);
            return new Provisioned(integration, false);
        }
        ledger.releaseClaim(organizationId, claimant);
        String reason = lookup instanceof Lookup.Unavailable u ? u.reason() : "instance name taken but not found";
        throw new EvolutionUnavailable(reason);
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
        return ledger.claimedSecretHash(organizationId);
    }

    void finishPendingDeletions(String organizationId) {
        for (var deleting : ledger.deletingFor(organizationId)) {
            if (retirement.finish(deleting) instanceof Retired.Pending)
                throw new CreationInProgress("The previous integration's deletion could not be finished now; retry later");
        }
    }

    String webhookUrl() {
        return publicUrl.replaceAll("/+$", "") + "/integrations/webhooks/evolution";
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CreationInProgress("Interrupted while waiting for a concurrent creation");
        }
    }
}
