package whatsapp.evolution.instances.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;

/**
 * Reads a fleet listing as a stream, one row at a time: 50,000 rows are some 60 MB of JSON (every
 * row carries settings, counts and the instance token), far too much to hold as text plus a tree.
 * Only the fields {@link EvolutionInstance} keeps survive a row.
 */
public final class FleetListing {

    private FleetListing() {
    }

    public static Listing read(InputStream body, Instant at) {
        try (JsonParser parser = Json.createParser(body)) {
            var first = parser.hasNext() ? parser.next() : null;
            if (first == JsonParser.Event.START_OBJECT) {
                var object = parser.getObject();
                return new Listing.Unavailable(object.getBoolean("error", false) ? EvolutionAnswer.errorReason(object)
                        : "listing is not a JSON array");
            }
            if (first != JsonParser.Event.START_ARRAY) return new Listing.Unavailable("listing is not a JSON array");
            var rows = new ArrayList<EvolutionInstance>();
            while (parser.hasNext()) {
                var event = parser.next();
                if (event == JsonParser.Event.END_ARRAY) return new Listing.Listed(rows, at);
                if (event != JsonParser.Event.START_OBJECT) return new Listing.Unavailable("listing row is not an object");
                var instance = EvolutionInstance.read(parser);
                if (instance.name() == null) return new Listing.Unavailable("listing row without a name");
                rows.add(instance);
            }
            return new Listing.Unavailable("listing ended early");
        } catch (JsonException | IllegalStateException e) {
            return new Listing.Unavailable("listing is not valid JSON");
        }
    }
}
