package whatsapp.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The one Micrometer registry every meter of the application is registered in: the server's when it brings one
 * (WildFly's Micrometer subsystem, scraped at {@code :9990/metrics}), else the application's own Prometheus registry
 * ({@link ApplicationRegistry}, Payara Server, scraped at {@code /metrics} by the metrics-endpoint WAR). Either way
 * the meters are made by the same Micrometer calls, so their names and tags are the same on both servers.
 */
@ApplicationScoped
public class MeterRegistries {

    @Inject
    Instance<MeterRegistry> server;

    MeterRegistry registry;

    @PostConstruct
    void choose() {
        registry = server.isResolvable() ? server.get() : ApplicationRegistry.get();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Whether the meters live in the application's own registry, which the application must then serve itself. */
    public boolean own() {
        return registry == ApplicationRegistry.existing();
    }
}
