package whatsapp.evolution.instances.control;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Objects;

/** Adds the {@code apikey} header Evolution authenticates with. The key is never printed. */
public class ApiKeyHeader implements ClientRequestFilter {

    static final String NAME = "apikey";
    private final String apiKey;

    public ApiKeyHeader(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(NAME, apiKey);
    }

    @Override
    public String toString() {
        return "ApiKeyHeader[***]";
    }
}
