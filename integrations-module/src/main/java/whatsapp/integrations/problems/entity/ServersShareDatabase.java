package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ServiceUnavailableException;

/**
 * 503 {@code .../problems/servers-share-database}: no Evolution server can take a new instance, and at least one was
 * passed over because it shares its database with another server (a health sweep saw both list the same instance
 * ids). Nothing was created; the {@code detail} names every server and why. Placement resumes once a sweep no longer
 * sees the overlap.
 */
@ApplicationException
public class ServersShareDatabase extends ServiceUnavailableException {

    public ServersShareDatabase(String reason) {
        super(reason + ". Nothing was created; servers that share a database get new instances again once a health "
                + "sweep no longer sees them list the same instance ids");
    }
}
