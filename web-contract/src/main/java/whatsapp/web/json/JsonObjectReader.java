package whatsapp.web.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A {@code JsonObject} body read by the application, the same on every server: any other JSON (an array, a number)
 * or broken JSON is a {@link jakarta.json.JsonException}, which {@code JsonpMapper} answers 400. Jersey (Payara) reads a
 * JSON array for a {@code JsonObject} parameter and then fails the method call with a bare 500 no mapper sees.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonObjectReader implements MessageBodyReader<JsonObject> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonObject.class;
    }

    @Override
    public JsonObject readFrom(Class<JsonObject> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream body) {
        return Json.createReader(body).readObject(); // the stream is the runtime's to close
    }
}
