package whatsapp.web.problems.boundary;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@link WebApplicationException}, ours or the runtime's, answered as problem+json. A role
 * check that fails for a caller without any token is a 401, not a 403. The runtime's own messages
 * (which may echo URLs) are not repeated; ours are written for the caller.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ForbiddenException && Problems.anonymous(security)) {
            return Problems.unauthorized().toResponse();
        }
        if (exception instanceof InvalidInput invalid) {
            return invalid.problem().toResponse();
        }
        Response original = exception.getResponse();
        if (original.hasEntity() && Problem.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original;
        }
        int status = original.getStatus();
        var reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        boolean ours = !exception.getClass().getPackageName().startsWith("jakarta.ws.rs");
        String detail = ours ? exception.getMessage() : null;
        return Problem.of(Problem.slugOf(exception.getClass()), title, status, detail).toResponse();
    }
}
