package whatsapp.maintenance.runs.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;

/**
 * 503 .../problems/run-interrupted: the run stopped between two steps because its lease could not be renewed (taken
 * over after this node stalled, or the database away): another node may be running now, so it must not go on.
 */
@ApplicationException
public class RunInterrupted extends ServerErrorException {

    public RunInterrupted(RunType type, String why) {
        super("The " + type.label() + " stopped: its lease could not be renewed (" + why + "); what it did so far stays. "
                + "GET /maintenance/runs?type=" + type.name() + " shows it (outcome failed)", Response.Status.SERVICE_UNAVAILABLE);
    }
}
