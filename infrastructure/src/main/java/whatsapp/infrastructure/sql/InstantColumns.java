package whatsapp.infrastructure.sql;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Every {@code Instant} of the entities of a persistence unit that lists this class (both units do) as a
 * {@code timestamptz} through {@link Timestamp}: Jakarta Persistence 3.1 has no {@code Instant} type, and EclipseLink
 * (Payara) would store it serialized; Hibernate (WildFly) converts the same way.
 */
@Converter(autoApply = true)
public class InstantColumns implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
