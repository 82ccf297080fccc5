package whatsapp.evolution.instances.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code evolution.*} from MicroProfile Config: the servers ({@link EvolutionServers}: {@code EVOLUTION_SERVERS}
 * with the per-server {@code EVOLUTION_API_KEY_<NAME>}, ..., or {@code EVOLUTION_URL} + {@code EVOLUTION_API_KEY}),
 * whose names are known only at run time and so are read through {@link ConfigProvider}, and the timeouts every server
 * shares. Without any server the deployment fails, as it should.
 */
@Dependent
public class EvolutionConfiguration {

    @Inject
    @ConfigProperty(name = "evolution.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "evolution.read-timeout-ms", defaultValue = "5000")
    long readTimeoutMs;

    @Inject
    @ConfigProperty(name = "evolution.list-timeout-ms", defaultValue = "30000")
    long listTimeoutMs;

    @Inject
    @ConfigProperty(name = "evolution.key-proof-seconds", defaultValue = "60")
    long keyProofSeconds;

    public EvolutionServers servers() {
        var config = ConfigProvider.getConfig();
        return EvolutionServers.read(name -> config.getOptionalValue(name, String.class));
    }

    /** How to reach one server: its URL and key, the shared timeouts. */
    public EvolutionSettings settings(EvolutionServer server) {
        return new EvolutionSettings(server.url(), server.apiKey(), Duration.ofMillis(connectTimeoutMs),
                Duration.ofMillis(readTimeoutMs), Duration.ofMillis(listTimeoutMs), Duration.ofSeconds(keyProofSeconds));
    }
}
