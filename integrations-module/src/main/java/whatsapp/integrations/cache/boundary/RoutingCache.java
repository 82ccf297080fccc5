package whatsapp.integrations.cache.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.api.RoutingRefresh;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.cache.control.InstanceCache;
import whatsapp.integrations.cache.entity.RoutingEntry;

/**
 * Rewrites the routing entry of every watched row (enabled, not being deleted): after each health sweep, so that
 * the TTL never expires a stable instance's entry, and on demand after Redis lost its data. Projections, not
 * entities, read without a transaction: the sweep of a 10,000-instance fleet reads them once per run.
 *
 * <p>No entry comes back for a row being deleted. A deletion first commits {@code markDeleting} (the row stops
 * being watched) and only then removes the entry. So after the batch is written, the watched names are read
 * again and the entries of rows that went away in between are removed: a deletion that committed before that
 * second read is seen by it; one that committed after it removes the entry itself, later than this write was
 * acknowledged. Either way the last word on the entry is a delete.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingCache {

    static final Logger LOG = Logger.getLogger(RoutingCache.class.getName());
    static final String WATCHED = " FROM integrations.integrations WHERE enabled AND status <> 'deleting'";

    @PersistenceContext
    EntityManager em;

    @Inject
    InstanceCache cache;

    public RoutingRefresh refresh() {
        var entries = watched();
        try {
            cache.putAll(entries);
            var gone = gone(entries, watchedNames());
            cache.removeAll(gone);
            return RoutingRefresh.written(entries.size() - gone.size());
        } catch (Exception e) {
            var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            var reason = cause.getClass().getSimpleName();
            LOG.warning(() -> "Routing cache refresh of " + entries.size() + " entries failed (" + reason + ")");
            return RoutingRefresh.failed("Redis unusable (" + reason + ")");
        }
    }

    /** Names written that are no longer watched: their rows went deleting, or away, after the first read. */
    static Set<String> gone(List<RoutingEntry> written, Set<String> stillWatched) {
        var gone = new HashSet<String>();
        for (var entry : written) if (!stillWatched.contains(entry.instanceName())) gone.add(entry.instanceName());
        return gone;
    }

    List<RoutingEntry> watched() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT organization_id, id, instance_name, status" + WATCHED).getResultList();
        return rows.stream().map(r -> new RoutingEntry((String) r[0], SqlValues.uuid(r[1]), (String) r[2],
                Status.of((String) r[3]))).toList();
    }

    Set<String> watchedNames() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT instance_name" + WATCHED).getResultList();
        return new HashSet<>(names);
    }
}
