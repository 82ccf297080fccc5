package whatsapp.web.problems.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.NotFoundException;

/** 404 {@code .../problems/not-found} with a detail that says what was looked for and where to look instead. */
@ApplicationException
public class NotFound extends NotFoundException {

    public NotFound(String detail) {
        super(detail);
    }
}
