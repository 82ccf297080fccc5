package whatsapp.evolution.instances.boundary;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Evolution. In the server these come from MicroProfile Config ({@code evolution.*});
 * tests build them directly. The API key is a secret: never printed.
 *
 * @param connectTimeout   also bounds the whole {@code GET /} reachability probe
 * @param readTimeout      for calls about one instance
 * @param listTimeout      for the fleet listing, which grows with the number of instances
 * @param keyProofValidity how long a successful authenticated call vouches for the key (see KeyProof)
 */
public record EvolutionSettings(URI url, String apiKey, Duration connectTimeout, Duration readTimeout,
                                Duration listTimeout, Duration keyProofValidity) {

    public EvolutionSettings {
        Objects.requireNonNull(url, "evolution.url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(listTimeout, "listTimeout");
        Objects.requireNonNull(keyProofValidity, "keyProofValidity");
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("evolution.api-key is not set");
    }

    /** The defaults of META-INF/microprofile-config.properties: 2 s, 5 s, 30 s, 60 s. */
    public static EvolutionSettings of(URI url, String apiKey) {
        return new EvolutionSettings(url, apiKey, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public EvolutionSettings withTimeouts(Duration connect, Duration read, Duration list) {
        return new EvolutionSettings(url, apiKey, connect, read, list, keyProofValidity);
    }

    @Override
    public String toString() {
        return "EvolutionSettings[url=" + url + ", apiKey=***, connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", listTimeout=" + listTimeout + ", keyProofValidity=" + keyProofValidity + "]";
    }
}
