package whatsapp.web.problems.boundary;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A runtime exception leaving an EJB arrives wrapped in EJBException: answer for its cause, so a
 * WebApplicationException thrown inside a bean keeps its status.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(EJBException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception.getCausedByException();
        if (cause == null || cause instanceof EJBException) return new LastResortMapper().toResponse(exception);
        ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
        return mapper == null ? new LastResortMapper().toResponse(cause) : mapper.toResponse(cause);
    }
}
