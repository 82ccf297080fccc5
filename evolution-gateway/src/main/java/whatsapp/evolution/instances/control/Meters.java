package whatsapp.evolution.instances.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** One timer per route and outcome kind ({@code evolution.requests}), when a registry exists. */
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
        timers.computeIfAbsent(route + "/" + outcome, key -> Timer.builder("evolution.requests")
                .description("Calls to Evolution API by route and classified answer")
                .tag("route", route)
                .tag("outcome", outcome)
                .register(registry))
                .record(took);
    }
}
