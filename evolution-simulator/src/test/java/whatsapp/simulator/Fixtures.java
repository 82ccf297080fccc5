package whatsapp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The recorded Evolution payloads (copies of shared/evolution-fixtures) and shape comparison:
 * same field names in the same order, recursively; values may differ.
 */
final class Fixtures {

    private Fixtures() {
    }

    static JsonNode read(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            return EvolutionApi.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameShape(JsonNode actual, JsonNode expected) {
        assertSameShape(actual, expected, "$");
    }

    private static void assertSameShape(JsonNode actual, JsonNode expected, String at) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(at + " is an object: " + actual).isTrue();
            assertThat(fieldNames(actual)).as(at + " fields").containsExactlyElementsOf(fieldNames(expected));
            expected.fields().forEachRemaining(e -> {
                var value = actual.get(e.getKey());
                if (e.getValue().isContainerNode() && !value.isNull()) assertSameShape(value, e.getValue(), at + "." + e.getKey());
            });
        } else if (expected.isArray() && expected.size() > 0) {
            assertThat(actual.isArray()).as(at + " is an array").isTrue();
            actual.forEach(element -> assertSameShape(element, expected.get(0), at + "[]"));
        }
    }

    static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Polls for up to 5 s. */
    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        var deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }
}
