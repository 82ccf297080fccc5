package whatsapp.maintenance.servers.boundary;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.logging.Logger;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.entity.AlertsWritten;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.servers.control.SharedIds;
import whatsapp.maintenance.servers.entity.ServerListing;
import whatsapp.web.json.JsonContract;

/**
 * What a health sweep's listings say about servers sharing a database ({@link SharedIds}): one
 * {@code evolution.shared_database} alert per pair, naming both servers and an example instance; both servers held
 * from placement (no new instance goes there). A later sweep that lists both and no longer sees the overlap resolves
 * the alert and lets placement use them again; a pair with a server not listed this time stays as it was. One
 * transaction: alerts and holds change together.
 */
@Stateless
public class SharedDatabases {

    static final Logger LOG = Logger.getLogger(SharedDatabases.class.getName());

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    AlertBook book;

    @Inject
    AlertWebhook webhook;

    @Inject
    Event<AlertsWritten> written;

    /** @return the pairs sharing a database now (kept ones included), by key {@code a+b} */
    public List<SharedIds.Overlap> review(List<ServerListing> listings) {
        var now = Instant.now();
        var listed = new HashSet<String>();
        for (var listing : listings) if (listing.listed()) listed.add(listing.server());
        var overlaps = SharedIds.of(listings);
        var found = new HashMap<String, SharedIds.Overlap>();
        overlaps.forEach(overlap -> found.put(overlap.key(), overlap));

        var held = new TreeMap<String, String>();
        var previous = integrations.placementHolds();
        var resolve = new ArrayList<String>();
        var kept = new ArrayList<List<String>>();
        for (var open : book.unresolved(null).values()) {
            if (!open.subject().startsWith(Subject.SHARED_DATABASE_PREFIX)) continue;
            var pair = List.of(open.subject().substring(Subject.SHARED_DATABASE_PREFIX.length()).split("\\+"));
            if (found.containsKey(String.join("+", pair))) continue;
            if (pair.stream().allMatch(listed::contains)) resolve.add(open.subject());
            else kept.add(pair);
        }
        for (var pair : kept)
            for (var server : pair) if (previous.containsKey(server)) held.put(server, previous.get(server));
        int changed = 0;
        for (var overlap : overlaps) {
            for (var server : overlap.servers()) held.put(server, overlap.reason(server));
            var subject = Subject.sharedDatabase(overlap.servers(), overlap.example());
            if (book.raise(subject, body(overlap, now).toString(), now, webhook.configured())) {
                changed++;
                LOG.warning(() -> "Evolution servers " + String.join(" and ", overlap.servers()) + " list the same "
                        + overlap.shared() + " instance id(s), e.g. " + overlap.example() + ": one database under one "
                        + "client name; no new instances go to either");
            }
        }
        changed += book.resolve(resolve, "the servers no longer list the same instance ids", now, webhook.configured());
        if (!resolve.isEmpty()) LOG.info(() -> "Evolution servers no longer share a database: " + resolve);
        if (!held.equals(previous)) integrations.holdPlacement(held);
        if (changed > 0) written.fire(new AlertsWritten());
        return overlaps;
    }

    static jakarta.json.JsonObject body(SharedIds.Overlap overlap, Instant now) {
        var servers = String.join(" and ", overlap.servers());
        return JSON.createObjectBuilder()
                .add("type", Subject.SHARED_DATABASE)
                .add("servers", JSON.createArrayBuilder(overlap.servers()))
                .add("instance_name", overlap.example())
                .add("shared_instances", overlap.shared())
                .add("reason", "shared database: " + servers)
                .add("needs_repairing", false)
                .add("detail", "Evolution servers " + servers + " list the same " + overlap.shared() + " instance id"
                        + (overlap.shared() == 1 ? "" : "s") + " (e.g. " + overlap.example() + "): they run on one "
                        + "database under one DATABASE_CONNECTION_CLIENT_NAME, the known cause of 440 conflict loops. "
                        + "Give each server its own database or client name. No new instances go to either until a "
                        + "health sweep no longer sees it")
                .add("occurred_at", JsonContract.Millis.FORMAT.format(now))
                .build();
    }
}
