package whatsapp.web.problems.boundary;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-P refusing a body (endpoints that take a JsonObject) → 400, nothing changed. */
@Provider
public class JsonpMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return Problems.malformedBody().toResponse();
    }
}
