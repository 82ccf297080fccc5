package whatsapp.integrations.problems.entity;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** Another request is still creating or deleting this organization's integration. */
public class CreationInProgress extends ClientErrorException {

    public CreationInProgress(String detail) {
        super(detail, Response.Status.CONFLICT);
    }
}
