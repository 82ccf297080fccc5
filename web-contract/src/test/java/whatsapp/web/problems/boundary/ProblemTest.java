package whatsapp.web.problems.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    static class EvolutionUnavailableException extends RuntimeException {
    }

    @Test
    void typeIsDerivedFromTheClassName() {
        assertThat(Problem.slugOf(EvolutionUnavailableException.class)).isEqualTo("evolution-unavailable");
        assertThat(Problem.slugOf(jakarta.ws.rs.NotFoundException.class)).isEqualTo("not-found");
    }

    @Test
    void validationErrorsNameTheJsonFields() {
        var json = Problem.of("validation", "Bad Request", 400, "nothing changed",
                List.of(new Problem.FieldError(ViolationMapper.snakeCase("organizationId"), "must not be blank"))).toJson();
        assertThat(json.getString("type")).isEqualTo("https://whatsapp-integrations/problems/validation");
        assertThat(json.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("organization_id");
        assertThat(ViolationMapper.snakeCase("arg0")).isEqualTo("request");
    }
}
