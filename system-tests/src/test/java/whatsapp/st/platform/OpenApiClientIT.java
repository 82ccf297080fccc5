package whatsapp.st.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import whatsapp.st.client.integrations.ApiException;
import whatsapp.st.client.integrations.model.CreateRequest;
import whatsapp.st.client.integrations.model.Status;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * The clients a frontend team would generate. The build generates them (openapi-generator, library
 * {@code native}) from the documents committed under {@code src/test/resources/openapi/}, and the
 * generation fails when a document does not validate; this test proves that those copies are what
 * the server serves, and that the generated clients work against it.
 */
class OpenApiClientIT {

    @ParameterizedTest
    @CsvSource({"/openapi, integrations", "/openapi/maintenance, maintenance"})
    void theCommittedDocumentIsTheServedOne(String path, String name) throws IOException {
        var served = OpenApiIT.json(path);
        assertThat(served.status()).isEqualTo(200);
        var committed = Path.of("src/test/resources/openapi", name + ".json");
        var fresh = Path.of("target/openapi-served", name + ".json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, served.body());
        assertThat(Json.createReader(new StringReader(served.body())).read())
                .as("%s differs from what %s serves; if the change is intended, copy %s over it", committed, path, fresh)
                .isEqualTo(Json.createReader(new StringReader(Files.readString(committed))).read());
    }

    @Test
    void theGeneratedIntegrationsClientCreatesReadsAndDeletes() throws Exception {
        var organization = "org-openapi-client";
        var api = new whatsapp.st.client.integrations.api.DefaultApi(integrationsClient(Service.member(organization)));

        var created = api.createWithHttpInfo(new CreateRequest().organizationId(organization), null);
        assertThat(created.getStatusCode()).isEqualTo(201);
        var integration = created.getData().getIntegration();
        assertThat(created.getData().getReused()).isFalse();
        assertThat(integration.getOrganizationId()).isEqualTo(organization);
        assertThat(integration.getInstanceName()).startsWith("clinic-" + organization + "-");

        var read = api.find(integration.getId().toString());
        assertThat(read.getInstanceName()).isEqualTo(integration.getInstanceName());
        assertThat(read.getStatus()).isEqualTo(Status.PENDING);
        assertThat(read.getCreatedAt()).isNotNull();
        assertThat(api.callList(null, null, organization).getIntegrations()).extracting(i -> i.getId()).contains(integration.getId());

        assertThat(api.deleteWithHttpInfo(integration.getId().toString()).getStatusCode()).isEqualTo(204);
        assertThatThrownBy(() -> api.find(integration.getId().toString()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void theGeneratedMaintenanceClientReadsTheRecordedStatus() throws Exception {
        var client = new whatsapp.st.client.maintenance.ApiClient();
        client.updateBaseUri(Stack.get().server().httpUrl());
        var admin = Service.admin();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + admin));
        var status = new whatsapp.st.client.maintenance.api.DefaultApi(client).status(null, null);
        assertThat(status.getSuccess()).isTrue();
        var summary = status.getSummary();
        assertThat(summary.getHealthy() + summary.getUnhealthy()).isEqualTo(summary.getTotal());
    }

    static whatsapp.st.client.integrations.ApiClient integrationsClient(String token) {
        var client = new whatsapp.st.client.integrations.ApiClient();
        client.updateBaseUri(Stack.get().server().httpUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
