package whatsapp.maintenance.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.NotFoundException;

/**
 * 404 .../problems/unknown-instance: no integration uses the name and no status change was ever recorded for it.
 * An application exception, so that an EJB boundary hands it to JAX-RS as it is.
 */
@ApplicationException
public class UnknownInstance extends NotFoundException {

    public UnknownInstance(String instanceName) {
        super("No integration uses instance " + instanceName + " and no status change was ever recorded for it; "
                + "check the name (GET /maintenance/health-check/status lists every instance)");
    }
}
