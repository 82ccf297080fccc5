package whatsapp.web.json;

import jakarta.json.spi.JsonProvider;

/**
 * JSON-P, looked up once. {@code Json.createObjectBuilder()} and friends ask the ServiceLoader for the
 * provider on every call; code that builds or parses JSON once per row or per event (outbox payloads,
 * cache entries, alerts) uses {@link #JSON} instead. Kept apart from {@link JsonContract} so using it
 * does not start JSON-B.
 */
public final class JsonP {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonP() {
    }
}
