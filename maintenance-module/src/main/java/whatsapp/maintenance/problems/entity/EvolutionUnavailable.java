package whatsapp.maintenance.problems.entity;

import jakarta.ws.rs.ServiceUnavailableException;

/** 503 .../problems/evolution-unavailable: Evolution's listing could not be used, so nothing was changed. */
public class EvolutionUnavailable extends ServiceUnavailableException {

    public EvolutionUnavailable(String reason) {
        super("Evolution API listing unusable (" + reason + "); nothing was changed");
    }
}
