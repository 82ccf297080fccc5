package whatsapp.maintenance.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * 503 .../problems/cache-unavailable: Redis could not be used, so the routing cache was not rebuilt. An application
 * exception, so that the EJB boundary hands it to JAX-RS as it is.
 */
@ApplicationException
public class CacheUnavailable extends ServiceUnavailableException {

    public CacheUnavailable(String reason) {
        super("The routing cache could not be rebuilt: " + reason + ". Retry when Redis is back; the next health "
                + "sweep rebuilds it as well");
    }
}
