package whatsapp.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The public JSON contract (docs/api.md): snake_case names, nulls written, times as ISO-8601 UTC with
 * milliseconds and a Z.
 */
@Provider
public class JsonContract implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .withAdapters(new Millis()));

    /** The same serialization the endpoints use, for answers stored and replayed later. */
    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    public static final class Millis implements JsonbAdapter<Instant, String> {

        public static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        public String adaptToJson(Instant instant) {
            return FORMAT.format(instant);
        }

        @Override
        public Instant adaptFromJson(String text) {
            return Instant.parse(text);
        }
    }
}
