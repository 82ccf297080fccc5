package whatsapp.evolution.instances.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fleet as Evolution's database lists it (one fetchInstances call). */
public sealed interface Listing {

    /** Reads a 200 fetchInstances body: v2 flat rows or v1.8 {"instance":{..}} rows; anything odd is Unavailable. */
    static Listing of(JsonValue body, Instant at) {
        if (!(body instanceof JsonArray rows)) return new Unavailable("listing is not a JSON array");
        var listed = new ArrayList<EvolutionInstance>();
        for (var row : rows) {
            if (!(row instanceof JsonObject object)) return new Unavailable("listing row is not an object");
            var instance = EvolutionInstance.from(object);
            if (instance.name() == null) return new Unavailable("listing row without a name");
            listed.add(instance);
        }
        return new Listed(listed, at);
    }

    record Listed(List<EvolutionInstance> instances, Instant at) implements Listing {
        public Listed {
            instances = List.copyOf(instances);
        }
    }

    record Unavailable(String reason) implements Listing {
    }
}
