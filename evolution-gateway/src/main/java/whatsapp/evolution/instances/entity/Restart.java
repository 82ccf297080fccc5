package whatsapp.evolution.instances.entity;

import static whatsapp.evolution.instances.entity.EvolutionInstance.text;

import jakarta.json.JsonObject;
import java.util.function.Function;

/** The result of POST /instance/restart. It does not wait for the reconnect: confirm with a lookup. */
public sealed interface Restart {

    /** One handler per outcome: a new outcome fails to compile wherever this type is read. */
    <R> R match(Function<Restarted, R> restarted, Function<Missing, R> missing, Function<Unavailable, R> unavailable);

    /** @param state the live state Evolution reported right after the restart, or null */
    record Restarted(String name, ConnectionState state) implements Restart {
        @Override
        public <R> R match(Function<Restarted, R> restarted, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return restarted.apply(this);
        }


        /** Reads a 200 restart answer: usually the connectionState shape {"instance":{"state":..}}. */
        public static Restarted of(String name, JsonObject body) {
            var state = body.get("instance") instanceof JsonObject instance ? text(instance, "state") : text(body, "state");
            return new Restarted(name, ConnectionState.of(state));
        }
    }

    record Missing(String name) implements Restart {
        @Override
        public <R> R match(Function<Restarted, R> restarted, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return missing.apply(this);
        }
    }

    /** Includes a restart of a closed instance: Evolution answers 200 {"error":true} then. */
    record Unavailable(String reason) implements Restart {
        @Override
        public <R> R match(Function<Restarted, R> restarted, Function<Missing, R> missing, Function<Unavailable, R> unavailable) {
            return unavailable.apply(this);
        }
    }
}
