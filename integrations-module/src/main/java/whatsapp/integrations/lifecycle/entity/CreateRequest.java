package whatsapp.integrations.lifecycle.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /integrations/whatsapp. The organization id becomes part of the instance name. */
public record CreateRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*", message = "may contain only letters, digits, '-' and '_'")
        String organizationId) {
}
