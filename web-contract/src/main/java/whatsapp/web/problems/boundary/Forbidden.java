package whatsapp.web.problems.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.ForbiddenException;

/** 403 {@code .../problems/forbidden} with a detail that tells the caller what it may do instead. */
@ApplicationException
public class Forbidden extends ForbiddenException {

    public Forbidden(String detail) {
        super(detail);
    }
}
