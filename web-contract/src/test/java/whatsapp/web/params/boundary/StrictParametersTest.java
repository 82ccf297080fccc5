package whatsapp.web.params.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import whatsapp.web.problems.boundary.InvalidInput;

class StrictParametersTest {

    final StrictParameters provider = new StrictParameters();

    @QueryParam("dry_run")
    void names() {
    }

    Annotation[] query() throws NoSuchMethodException {
        return new Annotation[]{getClass().getDeclaredMethod("names").getAnnotation(QueryParam.class)};
    }

    @Test
    void booleansAreExactlyTrueOrFalse() throws Exception {
        for (Class<?> type : new Class<?>[]{boolean.class, Boolean.class}) {
            var converter = provider.getConverter(type, type, query());
            assertThat(converter.fromString("true")).isEqualTo(Boolean.TRUE);
            assertThat(converter.fromString("false")).isEqualTo(Boolean.FALSE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "0", "yes", "no", "TRUE", "True", "False", " true", "true ", "on"})
    void anyOtherBooleanIsA400NamingTheParameter(String value) throws Exception {
        var converter = provider.getConverter(boolean.class, boolean.class, query());
        assertThatThrownBy(() -> converter.fromString(value)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            var problem = e.problem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("dry_run");
                assertThat(error.message()).isEqualTo("must be true or false");
            });
        });
    }

    @Test
    void integersArePlainDecimals() throws Exception {
        var converter = provider.getConverter(int.class, int.class, query());
        assertThat(converter.fromString("20")).isEqualTo(20);
        assertThat(converter.fromString("-1")).isEqualTo(-1);   // in range or not is Bean Validation's call
        assertThat(converter.fromString("007")).isEqualTo(7);
        assertThat(provider.getConverter(Long.class, Long.class, query()).fromString("9223372036854775807"))
                .isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1e3", "1.0", "+5", " 5", "5 ", "0x10", "2147483648", "-", "99999999999999999999"})
    void anyOtherIntegerIsA400(String value) throws Exception {
        var converter = provider.getConverter(Integer.class, Integer.class, query());
        assertThatThrownBy(() -> converter.fromString(value)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problem().errors().get(0).message()).isEqualTo("must be an integer"));
    }

    @Test
    void otherTypesAreLeftToTheRuntime() throws Exception {
        assertThat(provider.getConverter(String.class, String.class, query())).isNull();
        assertThat(provider.getConverter(java.util.UUID.class, java.util.UUID.class, query())).isNull();
    }

    @Test
    void aParameterWithoutANameIsTheRequest() {
        assertThat(StrictParameters.nameOf(new Annotation[0])).isEqualTo("request");
    }
}
