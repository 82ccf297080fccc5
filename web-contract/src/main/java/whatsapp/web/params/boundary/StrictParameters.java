package whatsapp.web.params.boundary;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.regex.Pattern;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * Boolean and whole-number parameters (query, path, header, ...; primitive or boxed) as this API reads them:
 * a boolean is exactly {@code true} or {@code false} (lowercase), a number is a plain decimal integer
 * ({@code -?[0-9]+}, no sign {@code +}, exponent, fraction, blank or spaces) that fits its type. Anything else,
 * the empty value included, is a 400 naming the parameter, before the resource method runs: without this the
 * runtime reads {@code ?dry_run=yes} as {@code false} (Boolean.valueOf) and {@code ?limit=abc} as a 404.
 * A parameter that is absent keeps its {@code @DefaultValue} (or null, or the primitive's zero). Ranges are
 * the resources' business (Bean Validation).
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be true or false", StrictParameters::bool);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be an integer", text -> Math.toIntExact(whole(text)));
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be an integer", StrictParameters::whole);
        }
        return null;
    }

    static Boolean bool(String text) {
        if ("true".equals(text)) return Boolean.TRUE;
        if ("false".equals(text)) return Boolean.FALSE;
        throw new IllegalArgumentException(text);
    }

    static Long whole(String text) {
        if (!INTEGER.matcher(text).matches()) throw new IllegalArgumentException(text);
        return Long.parseLong(text);   // NumberFormatException (an IllegalArgumentException) beyond long
    }

    /** The name the caller wrote ({@code dry_run}), for the problem's {@code errors[].field}. */
    static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) return query.value();
                if (annotation instanceof PathParam path) return path.value();
                if (annotation instanceof HeaderParam header) return header.value();
                if (annotation instanceof FormParam form) return form.value();
                if (annotation instanceof MatrixParam matrix) return matrix.value();
                if (annotation instanceof CookieParam cookie) return cookie.value();
            }
        }
        return "request";
    }

    record Strict<T>(String name, String rule, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) throw new IllegalArgumentException("no value");   // the runtime handles absence itself
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new InvalidInput(name, rule);
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
