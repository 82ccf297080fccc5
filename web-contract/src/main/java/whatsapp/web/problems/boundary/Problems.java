package whatsapp.web.problems.boundary;

import jakarta.ws.rs.core.SecurityContext;

/** The few problems several mappers answer the same way. */
public final class Problems {

    private Problems() {
    }

    public static Problem unauthorized() {
        return Problem.of("unauthorized", "Unauthorized", 401,
                "A valid bearer token is required (Authorization: Bearer <JWT>)");
    }

    public static Problem forbidden() {
        return Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this operation");
    }

    public static Problem malformedBody() {
        return Problem.of("malformed-body", "Bad Request", 400, "The request body is not valid JSON of the expected shape");
    }

    public static boolean anonymous(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null;
    }
}
