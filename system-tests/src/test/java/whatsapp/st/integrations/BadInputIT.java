package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

class BadInputIT {

    static final String CREATE = "/whatsapp";

    @Test
    void invalidOrganizationIdsAreFieldErrorsAndChangeNothing() {
        var before = Integrations.all();
        for (String body : new String[]{"{}", "{\"organization_id\":\"\"}", "{\"organization_id\":\"   \"}",
                "{\"organization_id\":\"" + "x".repeat(101) + "\"}", "{\"organization_id\":\"org/../etc\"}"}) {
            var answer = Http.post(Service.integrations(CREATE), Service.admin(), "application/json", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("organization_id");
        }
        assertThat(Integrations.all()).isEqualTo(before);
    }

    @Test
    void malformedBodiesAreProblems() {
        for (String body : new String[]{"{\"organization_id\":", "not json", "[1,2]", ""}) {
            var answer = Http.post(Service.integrations(CREATE), Service.admin(), "application/json", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("Exception");
        }
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        var answer = Http.post(Service.integrations(CREATE), Service.admin(), "text/plain", "organization_id=org-1");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
    }
}
