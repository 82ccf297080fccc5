package whatsapp.evolution.instances.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import whatsapp.infrastructure.node.NodeIdentity;

/** One timer per route and outcome kind ({@code evolution.requests}, tagged with this node), when a registry exists. */
public class Meters {

    private final MeterRegistry registry;
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param registry null: record nothing */
    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String route, EvolutionAnswer answer, Duration took) {
        if (registry == null) return;
        String outcome = answer.kind().name().toLowerCase();
        // registry.timer(..), not Timer.builder(..).register(registry): WildFly 39.0.1's per-deployment registry
        // keeps builder-registered meters to itself, so they never reached /metrics
        timers.computeIfAbsent(route + "/" + outcome,
                key -> registry.timer("evolution.requests", Tags.of("route", route, "outcome", outcome, "node", NodeIdentity.id()))).record(took);
    }
}
