package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.api.WebhookCheck;
import whatsapp.integrations.api.WebhookCheck.Outcome;
import whatsapp.integrations.webhooks.control.WebhookSecret;

/**
 * Webhook drift: Evolution keeps an instance's webhook settings in its database, where they can be lost or emptied
 * (upstream #2027, #2694) or changed by somebody else, and its listing does not show them. This compares
 * {@code GET /webhook/find} with what this service set (URL, enabled, events, the secret header whose hash the row
 * keeps) and sets ours again with a fresh secret ({@code POST /webhook/set}, idempotent) when they differ. A
 * {@code null} is drift only when Evolution has the instance loaded ({@code connectionState} names a state): right after
 * an Evolution restart it is not loaded yet, and the row is checked again a few minutes later. A repair Evolution does
 * not take is handed to the background repair ({@link WebhookRepair}, with backoff). One short transaction per database
 * step; none open while Evolution is called. A batch job: the unguarded client of the row's server.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDrift {

    static final Logger LOG = Logger.getLogger(WebhookDrift.class.getName());
    /** How soon a row whose webhook Evolution answered null while not loaded is checked again. */
    static final Duration NOT_LOADED_RETRY = Duration.ofMinutes(5);

    @EJB
    WebhookRepairs repairs;

    @EJB
    InstanceSetup setup;

    @Inject
    EvolutionFleet fleet;

    public List<String> due(Duration period, int limit) {
        return repairs.checkDue(period, limit);
    }

    public WebhookCheck check(String instanceName, Duration period, String actor) {
        var leased = repairs.leaseCheck(instanceName, period);
        if (leased.isEmpty()) return new WebhookCheck(instanceName, null, Outcome.SKIPPED,
                "not due, being deleted, or its webhook repair is under way");
        var row = leased.get();
        var evolution = fleet.on(row.evolutionServer());
        var stored = evolution.findWebhook(instanceName);
        if (stored.unavailable()) return new WebhookCheck(instanceName, row.organizationId(), Outcome.UNKNOWN, stored.failure());
        var differences = new ArrayList<String>();
        if (!stored.found()) {
            var live = evolution.liveState(instanceName);
            if (!(live instanceof Lookup.Found found) || found.instance().connectionStatus() == null) {
                repairs.checkAgainIn(row.id(), period, NOT_LOADED_RETRY);
                return new WebhookCheck(instanceName, row.organizationId(), Outcome.RETRY_LATER,
                        "webhook/find answered null while Evolution has not loaded the instance (restarting?); checked again later");
            }
            differences.add("no webhook settings");
        } else {
            if (!setup.webhookUrl().equals(stored.url())) differences.add("url");
            if (!stored.enabled()) differences.add("enabled");
            if (!Set.copyOf(stored.events()).equals(Set.copyOf(InstanceSetup.EVENTS))) differences.add("events");
            var secret = stored.headers().get(WebhookSecret.HEADER);
            if (secret == null || row.secretHash() == null || !WebhookSecret.matches(secret, row.secretHash()))
                differences.add("secret");
        }
        if (differences.isEmpty()) return new WebhookCheck(instanceName, row.organizationId(), Outcome.OK, null);
        var what = String.join(", ", differences);
        var fresh = WebhookSecret.generate();
        if (evolution.setWebhook(instanceName, setup.webhookUrl(), Map.of(WebhookSecret.HEADER, fresh.value()), InstanceSetup.EVENTS)) {
            repairs.driftRepaired(row.id(), fresh.hash(), actor, "Evolution's webhook settings differed from ours (" + what
                    + "); set again with a fresh secret");
            LOG.info(() -> "Webhook of " + instanceName + " had drifted (" + what + "); set again");
            return new WebhookCheck(instanceName, row.organizationId(), Outcome.REPAIRED, "differed: " + what);
        }
        repairs.driftRepairFailed(row.id());
        LOG.warning(() -> "Webhook of " + instanceName + " has drifted (" + what + ") and Evolution did not take ours; "
                + "retried in the background");
        return new WebhookCheck(instanceName, row.organizationId(), Outcome.REPAIR_FAILED, "differed: " + what
                + "; Evolution did not take ours, retried in the background");
    }
}
