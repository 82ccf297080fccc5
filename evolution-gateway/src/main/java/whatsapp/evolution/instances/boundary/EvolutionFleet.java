package whatsapp.evolution.instances.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
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

    /** How often the servers are set up at boot before the deployment fails, and the pause between two tries. */
    static final int SETUP_ATTEMPTS = 3;
    Duration setupPause = Duration.ofSeconds(1);

    /**
     * Sets the servers up; a configuration error ({@link IllegalArgumentException}) fails at once, anything else is
     * tried again twice: on Payara each WAR of the EAR makes its own instance of this bean while the deployment goes on,
     * and the server's health checks run the application's checks on an HTTP thread meanwhile, so a failure of the
     * server's own services then (configuration, naming, REST client builder) need not recur a second later.
     */
    @PostConstruct
    void start() {
        for (int attempt = 1; ; attempt++) {
            try {
                configure();
                return;
            } catch (RuntimeException | Error e) {
                // the server may report only its own wrapper (Payara: WELD-000049 without the cause): say what failed here
                boolean last = attempt == SETUP_ATTEMPTS || e instanceof IllegalArgumentException || e instanceof Error;
                LOG.log(last ? Level.SEVERE : Level.WARNING, "The Evolution servers could not be set up (attempt " + attempt
                        + " of " + SETUP_ATTEMPTS + (last ? "" : "; trying again") + ")", e);
                if (last) throw e;
                pause();
            }
        }
    }

    void pause() {
        try {
            Thread.sleep(setupPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the Evolution servers", e);
        }
    }

    /** Every server's {@link Evolution}, or none: the ones made before a failure are closed again. */
    void configure() {
        var read = configuration.servers();
        var registry = registries.registry();
        var made = new LinkedHashMap<String, Evolution>();
        try {
            for (var server : read.servers()) {
                made.put(server.name(), new Evolution(server.name(), configuration.settings(server), registry,
                        Clock.systemUTC()));
            }
        } catch (RuntimeException | Error e) {
            made.values().forEach(Evolution::close);
            throw e;
        }
        servers = read;
        configured.clear();
        configured.putAll(made);
        servers.warnings().forEach(LOG::warning);
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
