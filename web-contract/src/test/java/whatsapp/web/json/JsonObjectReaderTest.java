package whatsapp.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonObjectReaderTest {

    static JsonObject read(String body) {
        return new JsonObjectReader().readFrom(JsonObject.class, JsonObject.class, null, null, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anObjectIsRead() {
        assertThat(read("{\"event\":\"connection.update\"}").getString("event")).isEqualTo("connection.update");
    }

    @Test
    void anArrayOrBrokenJsonIsAJsonException() {
        assertThatThrownBy(() -> read("[]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> read("{")).isInstanceOf(JsonException.class);
    }
}
