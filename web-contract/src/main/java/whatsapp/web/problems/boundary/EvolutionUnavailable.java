package whatsapp.web.problems.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * 503 {@code .../problems/evolution-unavailable}: Evolution gave no usable answer (unreachable, too slow, 5xx,
 * garbage, a rejected key, an open circuit), so nothing was changed. An application exception, so that an EJB
 * boundary hands it to JAX-RS as it is, not wrapped as a system failure.
 */
@ApplicationException
public class EvolutionUnavailable extends ServiceUnavailableException {

    public EvolutionUnavailable(String reason) {
        super("Evolution API gave no usable answer (" + reason + "); nothing was changed. Retry later");
    }
}
