package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /**
     * Every number parameter of every endpoint: a value that is not a plain decimal integer in range, the empty one
     * included, is a 400 problem naming the parameter (the runtime alone answered 404 for {@code limit=abc} on an
     * {@code int} and read nothing else as wrong).
     */
    @Test
    void numberParametersThatAreNotIntegersInRangeAre400sNamingThem() {
        var endpoints = List.of(Service.integrations("/audit?"), Service.integrations("/events?after=0&"),
                Service.maintenance("/runs?"), Service.maintenance("/alerts?"));
        for (String endpoint : endpoints) {
            for (String value : List.of("abc", "", "1e3", "-1", "0", "1.5", "%2B5", "%205", "99999999999")) {
                String url = endpoint + "limit=" + value;
                var answer = Http.get(url, Service.admin());
                assertThat(answer.status()).as(url + " " + answer.body()).isEqualTo(400);
                assertThat(answer.isProblem()).as(url).isTrue();
                assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).as(url).isEqualTo("limit");
            }
            var fine = Http.get(endpoint + "limit=3", Service.admin());
            assertThat(fine.status()).as(endpoint + "limit=3 " + fine.body()).isEqualTo(200);
            var absent = Http.get(endpoint, Service.admin());
            assertThat(absent.status()).as(endpoint + " without limit: the documented default").isEqualTo(200);
        }
    }
}
