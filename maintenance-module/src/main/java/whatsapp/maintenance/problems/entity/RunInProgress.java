package whatsapp.maintenance.problems.entity;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 409 .../problems/run-in-progress: another run of this type holds the cluster-wide lock. */
public class RunInProgress extends ClientErrorException {

    public RunInProgress(String type) {
        super("A " + type + " run is already in progress in the cluster; nothing was started", Response.Status.CONFLICT);
    }
}
