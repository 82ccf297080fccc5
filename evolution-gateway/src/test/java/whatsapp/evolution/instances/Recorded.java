package whatsapp.evolution.instances;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded Evolution responses from src/test/resources/evolution/{v1,v2}/. */
public interface Recorded {

    static String text(String path) {
        try (var in = Recorded.class.getResourceAsStream("/evolution/" + path)) {
            if (in == null) throw new IllegalArgumentException("no recorded response " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject object(String path) {
        return Json.createReader(new StringReader(text(path))).readObject();
    }

    static JsonArray array(String path) {
        return Json.createReader(new StringReader(text(path))).readArray();
    }
}
