package whatsapp.maintenance.fleethealth.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.fleethealth.control.Uptime;
import whatsapp.maintenance.fleethealth.entity.FleetStatus;
import whatsapp.maintenance.fleethealth.entity.InstanceHistory;
import whatsapp.maintenance.problems.entity.UnknownInstance;

/** The fleet's health as recorded: from the integrations module only, Evolution is not asked. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FleetHealth {

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    /**
     * The recorded status of every integration, those being deleted included, a page at a time by instance name; the
     * summary counts the whole fleet (one grouped count, no row is loaded for it).
     *
     * @param cursor null: the first page
     */
    public FleetStatus status(String cursor, int limit) {
        var after = FleetStatus.after(cursor);
        return FleetStatus.of(integrations.countsByStatus(), integrations.unverifiedWebhooks(), integrations.zombies(),
                integrations.inventoryPage(after, limit + 1), limit);
    }

    /**
     * Status changes over the last 30 days (and the change before, which the window starts in), newest first, with
     * the uptime over 24 hours, 7 and 30 days.
     *
     * @throws UnknownInstance when no integration uses the name and it has no recorded change
     */
    public InstanceHistory history(String instanceName) {
        var now = Instant.now();
        var changes = integrations.history(instanceName, now.minus(Uptime.MONTH));
        var status = changes.isEmpty()
                ? integrations.find(instanceName).map(IntegrationSummary::status).orElseThrow(() -> new UnknownInstance(instanceName))
                : changes.get(changes.size() - 1).to();
        var uptime = new InstanceHistory.Uptime(Uptime.percent(changes, now.minus(Uptime.DAY), now),
                Uptime.percent(changes, now.minus(Uptime.WEEK), now), Uptime.percent(changes, now.minus(Uptime.MONTH), now));
        var newestFirst = new ArrayList<>(changes.stream().map(InstanceHistory.Change::of).toList());
        Collections.reverse(newestFirst);
        return new InstanceHistory(true, instanceName, status, uptime, newestFirst);
    }
}
