package whatsapp.evolution.instances.control;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The REST clients of one Evolution server, built explicitly (MicroProfile REST Client's default mapper throws for
 * every status of 400 and more even for methods returning {@code Response}, so it is switched off), one per timeout:
 * per-instance calls, the fleet listing (large, slow), and the reachability probe (the connect timeout only).
 */
public record Clients(InstancesClient instances, InstancesClient fleet, InstancesClient probe) implements AutoCloseable {

    /** @param list the read timeout of the fleet listing; the probe's is the connect timeout */
    public static Clients of(URI url, String apiKey, Duration connect, Duration read, Duration list) {
        return new Clients(client(url, apiKey, connect, read), client(url, apiKey, connect, list),
                client(url, apiKey, connect, connect));
    }

    public static InstancesClient client(URI url, String apiKey, Duration connect, Duration read) {
        return RestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new ApiKeyHeader(apiKey))
                .build(InstancesClient.class);
    }

    @Override
    public void close() {
        for (var client : List.of(instances, fleet, probe)) {
            try {
                client.close();
            } catch (IOException | RuntimeException e) {
                // gone either way
            }
        }
    }
}
