package whatsapp.web.problems.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.BadRequestException;
import java.util.List;

/** Input our own code refused (not Bean Validation): 400 with the field and why; nothing changed. */
@ApplicationException
public class InvalidInput extends BadRequestException {

    final transient List<Problem.FieldError> errors;

    public InvalidInput(String field, String message) {
        super("The request is not valid; nothing was changed");
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    public Problem problem() {
        return Problem.of("validation", "Bad Request", 400, getMessage(), errors);
    }
}
