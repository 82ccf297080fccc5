package whatsapp.st.systems;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP driver: bearer token, JSON bodies, answers as status + headers + parsed JSON. */
public final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonStructure jsonValue() {
            return Json.createReader(new StringReader(body)).read();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private Http() {
    }

    public static Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    public static Answer post(String url, String token, String contentType, String body) {
        var request = request(url, token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return send(request.build());
    }

    /** A PUT with a JSON body. */
    public static Answer put(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public static Answer delete(String url, String token) {
        return send(request(url, token).DELETE().build());
    }

    static HttpRequest.Builder request(String url, String token) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    public static Answer send(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
