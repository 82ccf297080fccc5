package whatsapp.integrations.lifecycle.boundary;

import java.util.List;

/** The shape of every error answer (RFC 9457), for the OpenAPI document only. */
public record ProblemDocument(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }
}
