package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** Another request is still creating or deleting this organization's integration. */
@ApplicationException
public class CreationInProgress extends ClientErrorException {

    public CreationInProgress(String detail) {
        super(detail, Response.Status.CONFLICT);
    }
}
