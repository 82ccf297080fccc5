package whatsapp.evolution.instances.boundary;

import java.net.URI;
import java.util.Objects;

/**
 * One Evolution server of the fleet, as configured ({@code EVOLUTION_SERVERS} and the per-server variables, or
 * {@code EVOLUTION_URL} alone as the server {@value #DEFAULT}). The API key is a secret: never printed, never returned.
 *
 * @param capacity how many instances may be placed there
 * @param draining true: keeps its instances, gets no new ones
 */
public record EvolutionServer(String name, URI url, String apiKey, int capacity, boolean draining) {

    public static final String DEFAULT = "default";
    public static final int DEFAULT_CAPACITY = 500;

    public EvolutionServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("no API key for Evolution server " + name);
        if (capacity < 0) throw new IllegalArgumentException("negative capacity for Evolution server " + name);
    }

    /** The URL's host (and port): what operators may see; never the path's query or credentials. */
    public String host() {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    @Override
    public String toString() {
        return "EvolutionServer[name=" + name + ", host=" + host() + ", apiKey=***, capacity=" + capacity + ", draining="
                + draining + "]";
    }
}
