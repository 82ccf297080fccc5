package whatsapp.web.json;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes every JSON answer (objects, records, lists; {@code application/json} and {@code application/*+json} such as
 * problem+json) with {@link JsonContract}'s {@code Jsonb} directly, rather than through the runtime's JSON-B
 * provider, which asks for the {@code ContextResolver<Jsonb>} through the request thread's context: in a deployment
 * with several Evolution servers, a few percent of sweep answers were written camelCase, with the runtime's default
 * {@code Jsonb} (8 of 150 in a row on a three-server fleet, none on one server). JSON-P values, strings, bytes and
 * streams stay with the runtime's providers.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonContractWriter implements MessageBodyWriter<Object> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (mediaType == null || !("json".equals(mediaType.getSubtype()) || mediaType.getSubtype().endsWith("+json")))
            return false;
        return !(JsonValue.class.isAssignableFrom(type) || CharSequence.class.isAssignableFrom(type) || type == byte[].class
                || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                || StreamingOutput.class.isAssignableFrom(type) || File.class.isAssignableFrom(type)
                || type.isPrimitive());
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws java.io.IOException {
        // Jsonb closes the stream it was given; the runtime owns the entity stream
        var unclosed = new java.io.FilterOutputStream(entityStream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
        JsonContract.JSONB.toJson(value, unclosed);
        unclosed.flush();
    }
}
