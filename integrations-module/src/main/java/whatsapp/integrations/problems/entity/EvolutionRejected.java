package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Evolution refused to create the instance (400); retrying unchanged will not help. */
@ApplicationException
public class EvolutionRejected extends WebApplicationException {

    public EvolutionRejected(List<String> messages) {
        super("Evolution API refused the instance: " + String.join("; ", messages), Response.Status.BAD_GATEWAY);
    }
}
