package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Stack;

class OpenApiIT {

    static Http.Answer json(String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(Stack.get().server().httpUrl() + path))
                .header("Accept", "application/json").GET().build());
    }

    @Test
    void theIntegrationsEndpointsAreDocumented() {
        var answer = json("/openapi");
        assertThat(answer.status()).isEqualTo(200);
        var paths = answer.json().getJsonObject("paths");
        assertThat(paths.keySet()).contains("/integrations/whatsapp", "/integrations/{id}", "/integrations/{id}/qr",
                "/integrations/audit", "/integrations");
        var create = paths.getJsonObject("/integrations/whatsapp").getJsonObject("post");
        assertThat(create.getJsonObject("responses").keySet()).contains("200", "201", "400", "403", "409", "503");
        assertThat(answer.json().getJsonObject("components").getJsonObject("schemas").keySet())
                .contains("CreateRequest", "CreateAnswer", "IntegrationView", "Problem", "Status");
    }

    @Test
    void theMaintenanceEndpointsHaveTheirOwnDocument() {
        var answer = json("/openapi/maintenance");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("paths").keySet()).contains("/maintenance/runs");
    }
}
