package whatsapp.web.problems.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** EJB security denials surface as EJBAccessException (otherwise a 500): 401 anonymous, 403 otherwise. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(EJBAccessException exception) {
        return (Problems.anonymous(security) ? Problems.unauthorized() : Problems.forbidden()).toResponse();
    }
}
