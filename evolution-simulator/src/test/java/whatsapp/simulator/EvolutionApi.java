package whatsapp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' side of the wire: plain HTTP calls to a simulator's Evolution routes. */
final class EvolutionApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A status, the body as text, and the body as JSON when it is JSON. */
    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final String baseUrl;
    private final String key;
    private final HttpClient http;

    EvolutionApi(String baseUrl, String key) {
        this(baseUrl, key, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private EvolutionApi(String baseUrl, String key, HttpClient http) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.http = http;
    }

    /** The same client, another {@code apikey} (null = none). */
    EvolutionApi withKey(String otherKey) {
        return new EvolutionApi(baseUrl, otherKey, http);
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null, Duration.ofSeconds(10));
    }

    Answer post(String path, String json) throws IOException {
        return send("POST", path, json, Duration.ofSeconds(10));
    }

    Answer delete(String path) throws IOException {
        return send("DELETE", path, null, Duration.ofSeconds(10));
    }

    Answer create(String name) throws IOException {
        return post("/instance/create", "{\"instanceName\":\"" + name + "\",\"integration\":\"WHATSAPP-BAILEYS\",\"qrcode\":false}");
    }

    Answer send(String method, String path, String json, Duration timeout) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (key != null) request.header("apikey", key);
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
