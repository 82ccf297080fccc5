package whatsapp.integrations.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import whatsapp.web.problems.boundary.Problem;

/**
 * 409 {@code .../problems/creation-in-progress}: another request is still creating or deleting this organization's
 * integration, or too many requests wait for it already. {@code Retry-After} says when to try again.
 */
@ApplicationException
public class CreationInProgress extends ClientErrorException {

    /** Seconds a client should wait before retrying, unless told otherwise. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public CreationInProgress(String detail) {
        this(detail, RETRY_AFTER_SECONDS);
    }

    public CreationInProgress(String detail, int retryAfterSeconds) {
        super(detail, Response.fromResponse(Problem.of("creation-in-progress", "Conflict", 409, detail).toResponse())
                .header("Retry-After", Integer.toString(Math.max(1, retryAfterSeconds))).build());
    }
}
