package whatsapp.evolution.instances.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code evolution.*} from MicroProfile Config (env {@code EVOLUTION_URL}, {@code EVOLUTION_API_KEY}, ...).
 * URL and key have no default: without them the deployment fails, as it should.
 */
@Dependent
public class EvolutionConfiguration {

    @Inject
    @ConfigProperty(name = "evolution.url")
    URI url;

    @Inject
    @ConfigProperty(name = "evolution.api-key")
    String apiKey;

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

    @Produces
    EvolutionSettings settings() {
        return new EvolutionSettings(url, apiKey, Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(readTimeoutMs),
                Duration.ofMillis(listTimeoutMs), Duration.ofSeconds(keyProofSeconds));
    }
}
