package whatsapp.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The service through the front, as a frontend or worker calls it: every answer timed per endpoint (and apart while a
 * fault is on) and checked against "no 5xx but a retriable 503 problem".
 */
final class Api {

    /** An answer; status 0 when the request got none (timeout, connection reset). */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers, long millis) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            for (var entry : headers.entrySet())
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().get(0);
            return null;
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final String base;
    final Stats stats;
    final BooleanSupplier faultActive;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    Api(String base, Stats stats, BooleanSupplier faultActive) {
        this.base = base;
        this.stats = stats;
        this.faultActive = faultActive;
    }

    Answer get(String endpoint, String path, String token) {
        return send(endpoint, HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Answer delete(String endpoint, String path, String token) {
        return send(endpoint, HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token);
    }

    Answer post(String endpoint, String path, String token, String json, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(endpoint, request, token);
    }

    Answer send(String endpoint, HttpRequest.Builder request, String token) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        request.timeout(TIMEOUT);
        boolean fault = faultActive.getAsBoolean();
        long start = System.nanoTime();
        Answer answer;
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body(), response.headers().map(), (System.nanoTime() - start) / 1_000_000);
        } catch (HttpTimeoutException e) {
            answer = new Answer(0, "timeout", Map.of(), (System.nanoTime() - start) / 1_000_000);
            stats.count("no answer: timeout (" + endpoint + ")");
        } catch (IOException e) {
            answer = new Answer(0, e.toString(), Map.of(), (System.nanoTime() - start) / 1_000_000);
            stats.count("no answer: " + e.getClass().getSimpleName() + " (" + endpoint + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", Map.of(), 0);
        }
        fault = fault || faultActive.getAsBoolean();
        stats.count("requests");
        stats.count("answers " + endpoint + " " + answer.status());
        stats.latency(endpoint, answer.millis(), fault);
        var fiveXx = stats.invariant("no 5xx other than a 503 problem");
        fiveXx.checked(1);
        if (answer.status() >= 500) {
            String type = answer.header("Content-Type");
            boolean problem = type != null && type.startsWith("application/problem+json");
            if (answer.status() != 503 || !problem)
                fiveXx.violated(endpoint + " answered " + answer.status() + " (" + type + "): " + abbreviate(answer.body()));
        }
        return answer;
    }

    static String abbreviate(String text) {
        if (text == null) return "";
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
