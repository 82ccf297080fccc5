package whatsapp.maintenance.cache.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.problems.entity.CacheUnavailable;

/** Rewrites the routing entry of every watched integration now, as a health sweep does after observing. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CacheRebuild {

    static final Logger LOG = Logger.getLogger(CacheRebuild.class.getName());

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    /** @return entries written; @throws CacheUnavailable when Redis could not be used */
    public int rebuild(String actor) {
        var refresh = integrations.refreshRoutingCache();
        if (!refresh.done()) throw new CacheUnavailable(refresh.failure());
        LOG.info(() -> "Routing cache rebuilt by " + actor + ": " + refresh.entries() + " entries");
        return refresh.entries();
    }
}
