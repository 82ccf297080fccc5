package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import whatsapp.evolution.instances.boundary.GuardedEvolution;
import whatsapp.integrations.webhooks.control.WebhookSecret;

/**
 * Sets a fresh webhook secret on adopted instances whose webhook could not be set when they were adopted
 * ({@code webhook_unverified}): until then the instance may send a secret that matches no stored hash, and its
 * deliveries would be refused. One row at a time, each leased in the database.
 */
@Singleton
// Bean-managed (and never begun): no transaction around the @Schedule methods on any server. Payara applies a
// class-level @TransactionAttribute only to business and @Timeout methods, never to @Schedule methods, which then
// ran in a container transaction (REQUIRED) there.
@TransactionManagement(TransactionManagementType.BEAN)
public class WebhookRepair {

    static final Logger LOG = Logger.getLogger(WebhookRepair.class.getName());
    /** At most this many instances per round, so that a round ends. */
    static final int ROUND = 20;
    /** Longer than one setWebhook call's time budget (12 s): a crashed node's lease runs out soon. */
    static final Duration LEASE = Duration.ofSeconds(30);

    @EJB
    WebhookRepairs repairs;

    @EJB
    InstanceSetup setup;

    @Inject
    GuardedEvolution evolution;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void repairWebhooks() {
        for (int worked = 0; worked < ROUND; worked++) {
            var due = repairs.leaseNext(LEASE);
            if (due.isEmpty()) return;
            try {
                repair(due.get());
            } catch (RuntimeException e) {
                // the lease runs out and a later round tries again
                LOG.warning(() -> "Setting the webhook of " + due.get().instanceName() + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }

    void repair(WebhookRepairs.Due due) {
        var fresh = WebhookSecret.generate();
        if (evolution.setWebhook(due.evolutionServer(), due.instanceName(), setup.webhookUrl(), Map.of(WebhookSecret.HEADER, fresh.value()),
                InstanceSetup.EVENTS)) {
            repairs.verified(due.id(), fresh.hash());
            LOG.info(() -> "Webhook secret of " + due.instanceName() + " set again; verified");
        } else {
            repairs.retryLater(due.id());
        }
    }
}
