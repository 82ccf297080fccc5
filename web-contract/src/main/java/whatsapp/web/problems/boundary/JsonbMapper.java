package whatsapp.web.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B refusing a body (syntax or type mismatch) → 400, nothing changed. */
@Provider
public class JsonbMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Problems.malformedBody().toResponse();
    }
}
