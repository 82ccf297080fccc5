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
 * Bodies never carry stack traces, SQL, keys or tokens.
 */
public record Problem(String slug, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://whatsapp-integrations/problems/";

    public record FieldError(String field, String message) {
    }

    public Problem(String slug, String title, int status, String detail) {
        this(slug, title, status, detail, List.of());
    }

    /** "EvolutionUnavailable" → "evolution-unavailable". */
    public static String slugOf(Class<?> type) {
        return type.getSimpleName().replaceAll("Exception$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + slug)
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
