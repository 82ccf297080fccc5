package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** 410: events after the requested sequence were pruned (older than the retention); the caller must resync. */
@ApplicationException
public class EventsPruned extends ClientErrorException {

    public EventsPruned(long after, long prunedThrough) {
        super("Events up to sequence " + prunedThrough + " were pruned (older than the retention), so some after " + after
                + " are gone. Resync: rebuild your state from GET /integrations, then read on from the stream"
                + " (or from ?after=" + prunedThrough + ")", Response.Status.GONE);
    }
}
