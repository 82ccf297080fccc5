package whatsapp.evolution.instances.boundary;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The fleet's servers read from configuration. {@code evolution.servers} ({@code EVOLUTION_SERVERS}, e.g.
 * {@code a=https://evo-a.internal,b=https://evo-b.internal}) names them; each has {@code evolution.api-key.<name>}
 * ({@code EVOLUTION_API_KEY_A}), {@code evolution.capacity.<name>} (default 500) and {@code evolution.draining.<name>}.
 * Unset, {@code evolution.url} and {@code evolution.api-key} make the one server {@value EvolutionServer#DEFAULT}, as
 * before there was a fleet. Pure: reads through the function given, so that it is tested without a server.
 *
 * @param servers  in configuration order
 * @param multiple whether {@code evolution.servers} configured them (placement applies); false: the one default server
 * @param warnings what an operator should know (logged at boot by the caller); never a key
 */
public record EvolutionServers(List<EvolutionServer> servers, boolean multiple, List<String> warnings) {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public EvolutionServers {
        servers = List.copyOf(servers);
        warnings = List.copyOf(warnings);
    }

    /** @param config a configuration lookup, e.g. {@code name -> ConfigProvider.getConfig().getOptionalValue(name, String.class)} */
    public static EvolutionServers read(Function<String, Optional<String>> config) {
        var list = config.apply("evolution.servers").map(String::trim).filter(value -> !value.isEmpty());
        var warnings = new ArrayList<String>();
        if (list.isEmpty()) {
            var url = config.apply("evolution.url").map(String::trim).filter(value -> !value.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("neither evolution.servers (EVOLUTION_SERVERS) nor "
                            + "evolution.url (EVOLUTION_URL) is set"));
            var key = config.apply("evolution.api-key").orElse(null);
            return new EvolutionServers(List.of(new EvolutionServer(EvolutionServer.DEFAULT, uri(EvolutionServer.DEFAULT, url),
                    key, EvolutionServer.DEFAULT_CAPACITY, false)), false, warnings);
        }
        if (config.apply("evolution.url").filter(value -> !value.isBlank()).isPresent())
            warnings.add("EVOLUTION_URL is ignored: EVOLUTION_SERVERS is set and names the Evolution servers");
        var servers = new LinkedHashMap<String, EvolutionServer>();
        for (String entry : list.get().split(",")) {
            if (entry.isBlank()) continue;
            int equals = entry.indexOf('=');
            if (equals <= 0) throw new IllegalArgumentException("EVOLUTION_SERVERS entry is not name=url: " + entry.trim());
            String name = entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches())
                throw new IllegalArgumentException("Evolution server name must be lower-case letters, digits and -: " + name);
            if (servers.containsKey(name)) throw new IllegalArgumentException("Evolution server named twice: " + name);
            var key = config.apply("evolution.api-key." + name).orElse(null);
            if (key == null || key.isBlank())
                throw new IllegalArgumentException("no API key for Evolution server " + name + " (EVOLUTION_API_KEY_"
                        + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")");
            int capacity = config.apply("evolution.capacity." + name).map(String::trim).map(value -> integer(name, value))
                    .orElse(EvolutionServer.DEFAULT_CAPACITY);
            boolean draining = config.apply("evolution.draining." + name).map(String::trim).map(value -> bool(name, value))
                    .orElse(false);
            servers.put(name, new EvolutionServer(name, uri(name, entry.substring(equals + 1).trim()), key, capacity, draining));
        }
        if (servers.isEmpty()) throw new IllegalArgumentException("EVOLUTION_SERVERS names no server");
        return new EvolutionServers(new ArrayList<>(servers.values()), true, warnings);
    }

    public Optional<EvolutionServer> named(String name) {
        return servers.stream().filter(server -> server.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return servers.stream().map(EvolutionServer::name).toList();
    }

    static URI uri(String name, String value) {
        try {
            var uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())))
                throw new IllegalArgumentException("URL of Evolution server " + name + " is not http(s)://host...");
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL of Evolution server " + name + " is not a URL");
        }
    }

    static int integer(String name, String value) {
        try {
            int capacity = Integer.parseInt(value);
            if (capacity < 0) throw new NumberFormatException();
            return capacity;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EVOLUTION_CAPACITY of server " + name + " is not a whole number >= 0");
        }
    }

    static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false") || value.isEmpty()) return false;
        throw new IllegalArgumentException("EVOLUTION_DRAINING of server " + name + " is neither true nor false");
    }
}
