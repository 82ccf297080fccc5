package whatsapp.web.problems.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 9457 problem as this service writes it: {@code type} derived from a short slug,
 * {@code title}, {@code status}, {@code detail} and, for validation, {@code errors}.
 * Bodies never carry stack traces, SQL, keys or tokens. The record is also the problem's schema in the
 * OpenAPI documents.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://whatsapp-integrations/problems/";

    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem whose type is {@code TYPE_BASE + slug}, e.g. {@code .../problems/evolution-unavailable}. */
    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return of(slug, title, status, detail, List.of());
    }

    /** "EvolutionUnavailable" → "evolution-unavailable". */
    public static String slugOf(Class<?> type) {
        return type.getSimpleName().replaceAll("Exception$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) json.add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson().toString()).build();
    }
}
