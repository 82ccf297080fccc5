package whatsapp.st.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Service;

class ReadIntegrationIT {

    @Test
    void anIntegrationIsReadThroughJpaInTheContractShape() {
        var created = Integrations.createFor("org-read-1");
        var id = created.getString("id");
        var answer = Http.get(Service.integrations("/" + id), Service.admin());
        assertThat(answer.status()).isEqualTo(200);
        var json = answer.json();
        assertThat(json.getString("id")).isEqualTo(id);
        assertThat(json.getString("organization_id")).isEqualTo("org-read-1");
        assertThat(json.getString("instance_name")).startsWith("clinic-org-read-1-").isEqualTo(created.getString("instance_name"));
        assertThat(json.getString("type")).isEqualTo("whatsapp");
        assertThat(json.getString("provider")).isEqualTo("evolution");
        assertThat(json.getString("status")).isEqualTo("pending");
        assertThat(json.getBoolean("enabled")).isTrue();
        assertThat(json.isNull("phone_number")).isTrue();
        assertThat(json.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void aMemberSeesItsOwnOrganizationOnly() {
        var id = Integrations.createFor("org-read-2").getString("id");
        assertThat(Http.get(Service.integrations("/" + id), Service.member("org-read-2")).status()).isEqualTo(200);
        var other = Http.get(Service.integrations("/" + id), Service.member("org-someone-else"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
    }

    @Test
    void unknownIdIsAProblem404() {
        var answer = Http.get(Service.integrations("/3f6d2a9e-8c41-4b7a-9f0e-5d2c7b1a4e63"), Service.admin());
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("type")).isEqualTo("https://whatsapp-integrations/problems/not-found");
    }

    @Test
    void malformedIdIsAProblem400() {
        var answer = Http.get(Service.integrations("/not-a-uuid"), Service.admin());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("id");
    }
}
