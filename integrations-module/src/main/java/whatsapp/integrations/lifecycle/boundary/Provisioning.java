package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.lifecycle.control.Backoff;
import whatsapp.integrations.lifecycle.control.ProvisioningDecision;
import whatsapp.integrations.lifecycle.control.Waiters;
import whatsapp.integrations.lifecycle.entity.ClaimLost;
import whatsapp.integrations.lifecycle.entity.CreateAnswer;
import whatsapp.integrations.lifecycle.entity.InstanceName;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.Provisioned;
import whatsapp.integrations.lifecycle.entity.StoredAnswer;
import whatsapp.integrations.problems.entity.CreationInProgress;
import whatsapp.integrations.webhooks.control.WebhookSecret;
import whatsapp.web.json.JsonContract;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

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

    @Inject
    IntegrationReads reads;

    @EJB
    Creations creations;

    @EJB
    InstanceSetup setup;

    @EJB
    Retirement retirement;

    @EJB
    Idempotency idempotency;

    @Inject
    GuardedEvolution evolution;

    @Inject
    InstanceCache cache;

    @Inject
    @ConfigProperty(name = "instance.prefix", defaultValue = "clinic-")
    String prefix;

    @Inject
    ProvisioningSettings settings;

    @Inject
    Waiters waiters;

    @Inject
    Placement placement;

    /**
     * {@code POST /integrations/whatsapp}: the answer given before under this {@code Idempotency-Key}, or a new one
     * (kept for the next retry).
     *
     * @param key  null: no idempotency
     * @param base the URI a created integration's {@code Location} is relative to
     */
    public StoredAnswer createOrReuse(String organizationId, String actor, String key, URI base) {
        Optional<StoredAnswer> earlier = key == null ? Optional.empty() : idempotency.replay(organizationId, key);
        if (earlier.isPresent()) return earlier.get();
        var provisioned = provision(organizationId, actor);
        var body = JsonContract.toJson(CreateAnswer.of(provisioned));
        var answer = provisioned.reused() ? new StoredAnswer(200, body, null, false)
                : new StoredAnswer(201, body, base.resolve(provisioned.integration().id().toString()).toString(), false);
        if (key != null) idempotency.remember(organizationId, key, answer);
        return answer;
    }

    /**
     * The organization's one integration: the live one Evolution confirms, or a new one. While another request creates
     * it, this one waits (backing off up to a second between looks), unless {@code provisioning.max-waiters-per-organization}
     * wait already on this node: then 409 with {@code Retry-After} at once.
     */
    public Provisioned provision(String organizationId, String actor) {
        String claimant = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(settings.waitFor());
        boolean waiting = false;
        try {
            for (int round = 0; ; ) {
                finishPendingDeletions(organizationId);
                var existing = reads.enabledFor(organizationId);
                if (existing.isPresent()) {
                    var reused = confirm(existing.get(), actor);
                    if (reused.isPresent()) return reused.get();
                    continue; // the stale row was retired: create anew
                }
                var secret = WebhookSecret.generate();
                var name = InstanceName.of(prefix, organizationId, Instant.now(), placement.choose());
                var claim = creations.claim(organizationId, name, secret.hash(), claimant, settings.claimLease());
                try {
                    switch (ProvisioningDecision.forClaim(claim, Instant.now(), deadline)) {
                        case CREATE -> {
                            return setup.create(organizationId, name, secret, claimant, actor, "no enabled integration");
                        }
                        case RESUME -> {
                            return setup.resume(organizationId, claim.match(f -> f.name(), t -> t.name(), () -> name), secret,
                                    claimant, actor);
                        }
                        case WAIT -> {
                            waiting = waiting || enterWaiting(organizationId);
                            pause(round++);
                        }
                        case GIVE_UP -> throw new CreationInProgress("Another request is still creating this organization's "
                                + "integration; retry in a few seconds with the same Idempotency-Key");
                    }
                } catch (ClaimLost lost) {
                    // another request took our claim over: what Evolution made for us is its to adopt; wait for its row
                    LOG.info(() -> "The creation claim of " + organizationId + " was taken over; waiting for its new claimant");
                    waiting = waiting || enterWaiting(organizationId);
                    pause(round++);
                }
            }
        } finally {
            if (waiting) waiters.leave(organizationId);
        }
    }

    /** @return true; 409 when too many creates of the organization wait on this node already */
    boolean enterWaiting(String organizationId) {
        if (waiters.enter(organizationId, settings.maxWaiters())) return true;
        throw new CreationInProgress("Too many requests wait for this organization's integration to be created; retry "
                + "in a few seconds with the same Idempotency-Key");
    }

    /** The enabled row's instance: confirmed → reuse; Evolution's own 404 → retire the row (empty: create anew). */
    Optional<Provisioned> confirm(Integration integration, String actor) {
        var lookup = evolution.lookup(integration.evolutionServer(), integration.instanceName());
        return switch (ProvisioningDecision.forEnabled(lookup)) {
            case REUSE -> {
                creations.reused(integration, actor);
                cache.put(integration.ref());
                yield Optional.of(new Provisioned(integration, true));
            }
            case RETIRE_AND_CREATE -> {
                LOG.warning(() -> "Instance " + integration.instanceName() + " is gone from Evolution; retiring its row");
                retirement.retire(integration.id(), "system:create",
                        "Evolution confirmed (404) that instance " + integration.instanceName() + " no longer exists")
                        .match(done -> done, pending -> {
                            throw new CreationInProgress("The previous integration's deletion could not be finished now; "
                                    + "retry later");
                        }, () -> null);
                yield Optional.empty();
            }
            case UNAVAILABLE -> throw new EvolutionUnavailable(lookup.match(f -> "", m -> "", u -> u.reason()));
        };
    }

    void finishPendingDeletions(String organizationId) {
        for (var deleting : reads.deletingFor(organizationId)) {
            retirement.finish(deleting).match(done -> done, pending -> {
                throw new CreationInProgress("The previous integration's deletion could not be finished now; retry later");
            }, () -> null);
        }
    }

    static void pause(int round) {
        try {
            Thread.sleep(Backoff.pause(round).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CreationInProgress("Interrupted while waiting for a concurrent creation; retry");
        }
    }
}
