package whatsapp.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The application's own Prometheus registry, for a server without a Micrometer integration (Payara Server): one per
 * EAR (this class lives in {@code ear/lib}), made on first use, with the JVM's memory, thread, class-loading,
 * processor and uptime meters bound to it. Never loaded on WildFly, whose subsystem supplies the registry.
 */
public final class ApplicationRegistry {

    private static PrometheusMeterRegistry registry;

    private ApplicationRegistry() {
    }

    static synchronized MeterRegistry get() {
        if (registry == null) {
            var made = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(made);
            new JvmThreadMetrics().bindTo(made);
            new ClassLoaderMetrics().bindTo(made);
            new ProcessorMetrics().bindTo(made);
            new UptimeMetrics().bindTo(made);
            registry = made;
        }
        return registry;
    }

    static synchronized MeterRegistry existing() {
        return registry;
    }

    /** Prometheus text of every meter, or null when the application has no registry of its own (WildFly). */
    public static synchronized String scrape() {
        return registry == null ? null : registry.scrape();
    }
}
