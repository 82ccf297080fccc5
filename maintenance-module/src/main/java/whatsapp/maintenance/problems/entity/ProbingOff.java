package whatsapp.maintenance.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 409 .../problems/probing-off: no {@code PROBE_NUMBER} is configured, so no liveness probe can be sent. */
@ApplicationException
public class ProbingOff extends ClientErrorException {

    public ProbingOff() {
        super("The liveness probe is off: set PROBE_NUMBER to a number known not to be on WhatsApp", Response.Status.CONFLICT);
    }
}
