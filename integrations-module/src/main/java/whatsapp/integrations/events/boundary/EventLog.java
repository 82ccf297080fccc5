package whatsapp.integrations.events.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import whatsapp.integrations.events.entity.CatchUp;
import whatsapp.integrations.problems.entity.EventsPruned;
import whatsapp.integrations.security.boundary.Caller;

/**
 * The outbox read as an event log, in sequence order: only events the relay has ordered, each exactly the JSON sent to
 * Redis. Admins and workers read every organization's events, a member its own.
 */
@RequestScoped
public class EventLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** {@code {"events": [...]}} */
    public String after(CatchUp query) {
        String organization = caller.seesEveryOrganization() ? null : caller.requiredOrganization();
        @SuppressWarnings("unchecked")
        List<String> events = em.createNativeQuery("""
                SELECT payload FROM integrations.outbox WHERE sequence > ?1
                AND (CAST(?2 AS varchar) IS NULL OR organization_id = CAST(?2 AS varchar))
                ORDER BY sequence LIMIT ?3""")
                .setParameter(1, query.after()).setParameter(2, organization).setParameter(3, query.limit())
                .getResultList();
        long prunedThrough = ((Number) em.createNativeQuery("SELECT pruned_through FROM integrations.event_retention")
                .getSingleResult()).longValue();
        // read after the events: a pruning that ran meanwhile is seen here
        if (query.after() < prunedThrough) throw new EventsPruned(query.after(), prunedThrough);
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
