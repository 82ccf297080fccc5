package whatsapp.evolution.instances.control;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import whatsapp.evolution.instances.boundary.EvolutionSettings;

/**
 * The REST clients of one Evolution server, built explicitly (MicroProfile REST Client's default mapper throws for
 * every status of 400 and more even for methods returning {@code Response}, so it is switched off), one per timeout:
 * per-instance calls, the fleet listing (large, slow), and the reachability probe (the connect timeout only).
 */
public record Clients(InstancesClient instances, InstancesClient fleet, InstancesClient probe) implements AutoCloseable {

    public static Clients of(EvolutionSettings settings) {
        return new Clients(client(settings, settings.readTimeout()), client(settings, settings.listTimeout()),
                client(settings, settings.connectTimeout()));
    }

    static InstancesClient client(EvolutionSettings settings, Duration readTimeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(settings.url())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new ApiKeyHeader(settings.apiKey()))
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
