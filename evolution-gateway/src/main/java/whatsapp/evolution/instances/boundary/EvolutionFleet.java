package whatsapp.evolution.instances.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import whatsapp.infrastructure.metrics.MeterRegistries;

/**
 * The Evolution servers of this deployment, one {@link Evolution} (clients, key proof, timers tagged {@code server})
 * each. Every call about an instance goes to {@link #on(String)} its row's server. A name configuration no longer
 * knows gets an Evolution that answers every call "unavailable", so its instances are never taken for gone.
 */
@ApplicationScoped
public class EvolutionFleet {

    static final Logger LOG = Logger.getLogger(EvolutionFleet.class.getName());

    @Inject
    EvolutionConfiguration configuration;

    @Inject
    MeterRegistries registries;

    EvolutionServers servers;
    final Map<String, Evolution> configured = new LinkedHashMap<>();
    final Map<String, Evolution> unconfigured = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        try {
            configure();
        } catch (RuntimeException | Error e) {
            // the server may report only its own wrapper (Payara: WELD-000049 without the cause): say what failed here
            LOG.log(java.util.logging.Level.SEVERE, "The Evolution servers could not be set up", e);
            throw e;
        }
    }

    void configure() {
        servers = configuration.servers();
        servers.warnings().forEach(LOG::warning);
        var registry = registries.registry();
        for (var server : servers.servers()) {
            configured.put(server.name(), new Evolution(server.name(), configuration.settings(server), registry,
                    Clock.systemUTC()));
        }
        LOG.info(() -> "Evolution servers: " + servers.servers());
    }

    /**
     * Made at boot, not at the first call: the configuration's warnings (an {@code EVOLUTION_URL} beside
     * {@code EVOLUTION_SERVERS}) are logged then, and a configuration that names no usable server fails the deployment.
     */
    void atBoot(@Observes @Initialized(ApplicationScoped.class) Object started) {
        servers.servers();
    }

    /** The facade of this server; an unconfigured name answers every call "unavailable". */
    public Evolution on(String server) {
        var evolution = configured.get(server == null ? EvolutionServer.DEFAULT : server);
        return evolution != null ? evolution : unconfigured.computeIfAbsent(server, Evolution::unconfigured);
    }

    /** The configured servers, in configuration order (keys inside: never show them). */
    public List<EvolutionServer> servers() {
        return servers.servers();
    }

    public Optional<EvolutionServer> server(String name) {
        return servers.named(name);
    }

    public boolean configured(String name) {
        return configured.containsKey(name);
    }

    /** Whether {@code EVOLUTION_SERVERS} configured the fleet (placement applies), rather than {@code EVOLUTION_URL} alone. */
    public boolean multiple() {
        return servers.multiple();
    }

    @PreDestroy
    void stop() {
        configured.values().forEach(Evolution::close);
    }
}
