package whatsapp.maintenance.drift.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.WebhookCheck;
import whatsapp.maintenance.alerts.boundary.Alerts;
import whatsapp.maintenance.drift.entity.WebhookCheckSummary;
import whatsapp.maintenance.liveness.control.ProbePace;
import whatsapp.maintenance.liveness.control.ProbeRate;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.problems.entity.UnknownInstance;

/**
 * The webhook check: each enabled instance's stored webhook settings compared with ours, once per
 * {@code WEBHOOK_CHECK_PERIOD_MINUTES} (spread evenly), within the cluster-wide rate cap
 * {@code WEBHOOK_CHECK_RATE_PER_SECOND}; the comparison and repair are the integrations module's
 * ({@link Integrations#checkWebhook}). Counted in {@code whatsapp_webhook_checks_total{outcome}}; a repair Evolution
 * does not take raises an {@code instance.webhook_drift} alert, resolved by the first sweep after the background repair
 * set our webhook.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDriftCheck {

    static final Logger LOG = Logger.getLogger(WebhookDriftCheck.class.getName());
    static final String RATE_KEY = "whatsapp:webhook-check-rate";
    static final Duration PERMIT_WAIT = Duration.ofSeconds(30);

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    ProbeRate rate;

    @EJB
    Alerts alerts;

    @Inject
    MaintenanceMeters meters;

    @Inject
    @ConfigProperty(name = "webhook-check.period-minutes", defaultValue = "1440")
    long periodMinutes;

    @Inject
    @ConfigProperty(name = "webhook-check.rate-per-second", defaultValue = "2")
    int perSecond;

    /** One pass now: every enabled instance, or the one named. @throws UnknownInstance for a name no row uses */
    public WebhookCheckSummary checkNow(String instanceName, String actor) {
        var started = Instant.now();
        List<String> names;
        if (instanceName != null) {
            integrations.find(instanceName).orElseThrow(() -> new UnknownInstance(instanceName));
            names = List.of(instanceName);
        } else {
            names = integrations.watched().stream().map(IntegrationSummary::instanceName).toList();
        }
        var checks = new ArrayList<WebhookCheck>();
        for (var name : names) {
            if (!rate.acquire(RATE_KEY, perSecond, PERMIT_WAIT)) {
                checks.add(new WebhookCheck(name, null, WebhookCheck.Outcome.SKIPPED, "no permit within "
                        + PERMIT_WAIT.toSeconds() + " s (rate cap)"));
                continue;
            }
            checks.add(check(name, Duration.ZERO, actor));
        }
        var summary = WebhookCheckSummary.of(started, checks, instanceName != null);
        LOG.info(() -> "Webhook check: " + summary.checked() + " checked, " + summary.repaired() + " repaired, "
                + summary.repairFailed() + " repairs failed, " + summary.retryLater() + " to retry");
        return summary;
    }

    /** One tick of the rolling check. @return instances checked */
    public int tick(Duration tick) {
        var period = Duration.ofMinutes(periodMinutes);
        long enabled = integrations.countsByStatus().entrySet().stream()
                .filter(e -> e.getKey() != whatsapp.integrations.api.Status.deleting).mapToLong(java.util.Map.Entry::getValue).sum();
        int quota = ProbePace.quota(enabled, tick, period, Math.max(1, perSecond));
        int checked = 0;
        for (var name : integrations.webhookCheckDue(period, quota)) {
            if (!rate.acquire(RATE_KEY, perSecond, tick)) break;
            if (check(name, period, "system:webhook-check").outcome() != WebhookCheck.Outcome.SKIPPED) checked++;
        }
        return checked;
    }

    WebhookCheck check(String name, Duration period, String actor) {
        WebhookCheck check;
        try {
            check = integrations.checkWebhook(name, period, actor);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Webhook check of " + name + " failed (" + e.getClass().getSimpleName() + ")");
            check = new WebhookCheck(name, null, WebhookCheck.Outcome.UNKNOWN, "check failed: " + e.getClass().getSimpleName());
        }
        meters.webhookCheck(WebhookCheckSummary.outcome(check.outcome()));
        if (check.outcome() == WebhookCheck.Outcome.REPAIR_FAILED) {
            var failed = check;
            try {
                alerts.webhookDrift(name, failed.organizationId(), failed.detail());
            } catch (RuntimeException e) {
                LOG.warning(() -> "Webhook check: alert not written (" + e.getClass().getSimpleName() + ")");
            }
        }
        return check;
    }
}
