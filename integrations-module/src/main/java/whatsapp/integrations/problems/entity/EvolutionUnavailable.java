package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServiceUnavailableException;

/** Evolution did not give a usable answer; nothing was changed. */
@ApplicationException
public class EvolutionUnavailable extends ServiceUnavailableException {

    public EvolutionUnavailable(String reason) {
        super("Evolution API did not give a usable answer (" + reason + "); nothing was changed");
    }
}
