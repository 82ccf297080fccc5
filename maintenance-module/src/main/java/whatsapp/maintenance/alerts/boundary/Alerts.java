package whatsapp.maintenance.alerts.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.alerts.control.AlertPolicy;
import whatsapp.maintenance.alerts.control.AlertStamps;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.entity.Subject;

/**
 * Alerts to a human, through the cooldown (stamped in the database, so it holds across restarts and nodes) and
 * the grouping. Delivery is best effort: an undelivered alert is not stamped, so the next sweep tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Alerts {

    @EJB
    AlertStamps stamps;

    @Inject
    AlertWebhook webhook;

    @Inject
    @ConfigProperty(name = "alert.cooldown-minutes", defaultValue = "30")
    int cooldownMinutes;

    @Inject
    @ConfigProperty(name = "alert.group-threshold", defaultValue = "5")
    int groupThreshold;

    /** @return how many alerts (single or grouped) the receiver accepted */
    public int send(List<Subject> candidates, Instant now) {
        if (candidates.isEmpty()) return 0;
        var names = new HashSet<String>();
        candidates.forEach(subject -> names.addAll(subject.instanceNames()));
        var due = AlertPolicy.due(candidates, stamps.lastSent(names), Duration.ofMinutes(cooldownMinutes), now);
        int sent = 0;
        for (var batch : AlertPolicy.batches(due, groupThreshold)) {
            if (!webhook.post(AlertPolicy.message(batch, now))) continue;
            sent++;
            var named = batch.stream().flatMap(subject -> subject.instanceNames().stream()).toList();
            stamps.stamp(named, batch.size() == 1 ? batch.get(0).kind() : AlertPolicy.GROUP, now);
        }
        return sent;
    }

    /** A cleanup's duplicate-number alert: sent at once, no cooldown, never stamped. */
    public void duplicateNumber(String phoneNumber, List<String> instances, List<String> kept, Instant at) {
        webhook.post(AlertPolicy.duplicateNumber(phoneNumber, instances, kept, at));
    }
}
