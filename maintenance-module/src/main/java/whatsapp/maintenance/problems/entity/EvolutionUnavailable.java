package whatsapp.maintenance.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * 503 .../problems/evolution-unavailable: Evolution's listing could not be used, so nothing was changed.
 * An application exception, so that an EJB boundary hands it to JAX-RS as it is, not wrapped as a failure.
 */
@ApplicationException
public class EvolutionUnavailable extends ServiceUnavailableException {

    public EvolutionUnavailable(String reason) {
        super("Evolution API listing unusable (" + reason + "); nothing was changed");
    }
}
