package whatsapp.infrastructure.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import whatsapp.infrastructure.sql.SqlValues;

/**
 * What native queries hand back, turned into the types we use, and what they are given, in types every JPA provider
 * binds the same way (Hibernate on WildFly, EclipseLink on Payara).
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant instant) return instant;
        if (value instanceof OffsetDateTime offset) return offset.toInstant();
        if (value instanceof java.sql.Timestamp timestamp) return timestamp.toInstant();
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    /**
     * An instant as a native-query parameter: a {@link java.sql.Timestamp}, as the JDBC code binds them. EclipseLink
     * hands an {@code Instant} to the PostgreSQL driver unchanged, which refuses it.
     */
    public static java.sql.Timestamp at(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    /**
     * Values as one native-query parameter: PostgreSQL's array literal ({@code {"a","b"}}), for
     * {@code = ANY(CAST(?1 AS uuid[]))}. Hibernate expands a list bound to {@code IN (?1)}, EclipseLink does not.
     */
    public static String array(java.util.Collection<?> values) {
        var literal = new StringBuilder("{");
        for (var value : values) {
            if (literal.length() > 1) literal.append(',');
            literal.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    public static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
