package whatsapp.evolution.instances.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import whatsapp.infrastructure.node.NodeIdentity;

/** One timer per server, route and outcome kind ({@code evolution.requests}, tagged with this node), when a registry exists. */
public class Meters {

    private final MeterRegistry registry;
    private final String server;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param registry null: record nothing */
    public Meters(MeterRegistry registry) {
        this(registry, "default");
    }

    /** @param server the Evolution server's name: the {@code server} tag */
    public Meters(MeterRegistry registry, String server) {
        this.registry = registry;
        this.server = server;
    }

    public void record(String route, EvolutionAnswer answer, Duration took) {
        if (registry == null) return;
        String outcome = answer.kind().name().toLowerCase();
        // registry.timer(..), not Timer.builder(..).register(registry): WildFly 39.0.1's per-deployment registry
        // keeps builder-registered meters to itself, so they never reached /metrics
        timers.computeIfAbsent(route + "/" + outcome,
                key -> registry.timer("evolution.requests", Tags.of("route", route, "outcome", outcome, "server", server, "node", NodeIdentity.id()))).record(took);
    }
}
