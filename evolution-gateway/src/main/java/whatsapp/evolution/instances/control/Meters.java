package whatsapp.evolution.instances.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** One timer per route and outcome kind ({@code evolution.requests}), when a registry exists. */
public class Meters {

    private final MeterRegistry registry;

    /** @param registry null: record nothing */
    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String route, EvolutionAnswer answer, Duration took) {
        if (registry == null) return;
        Timer.builder("evolution.requests")
                .description("Calls to Evolution API by route and classified answer")
                .tag("route", route)
                .tag("outcome", answer.kind().name().toLowerCase())
                .register(registry)
                .record(took);
    }
}
