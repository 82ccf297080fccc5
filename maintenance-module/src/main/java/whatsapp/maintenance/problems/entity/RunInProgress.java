package whatsapp.maintenance.problems.entity;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import whatsapp.maintenance.runs.entity.RunType;

/** 409 .../problems/run-in-progress: another run of this type holds the cluster-wide lock. */
public class RunInProgress extends ClientErrorException {

    public RunInProgress(RunType type) {
        super("A " + type.label() + " is already in progress in the cluster; nothing was started. Retry when it has "
                + "finished: GET /maintenance/runs?type=" + type.name() + " shows it (outcome running)", Response.Status.CONFLICT);
    }
}
