package whatsapp.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline: the seed's health check as it was written — for each integration, one
 * {@code fetchInstances?instanceName=} call awaited before the next, then one UPDATE per row —
 * against the same simulator and database. {@code threads > 1} runs the same per-row work on a pool.
 */
final class SeedLoop {

    final String evolutionUrl;
    final String apiKey;
    final String jdbcUrl;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SeedLoop(String evolutionUrl, String apiKey, String jdbcUrl) {
        this.evolutionUrl = evolutionUrl;
        this.apiKey = apiKey;
        this.jdbcUrl = jdbcUrl;
    }

    record Row(String id, String instanceName) {
    }

    /** @return seconds taken */
    double run(int threads) throws Exception {
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             var query = connection.prepareStatement("SELECT id::text, instance_name FROM integrations.integrations WHERE enabled");
             var result = query.executeQuery()) {
            while (result.next()) rows.add(new Row(result.getString(1), result.getString(2)));
        }
        if (threads == 1) {
            try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                for (Row row : rows) check(row, connection);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> work = new ArrayList<>();
                int slice = (rows.size() + threads - 1) / threads;
                for (int t = 0; t < threads; t++) {
                    var mine = rows.subList(Math.min(rows.size(), t * slice), Math.min(rows.size(), (t + 1) * slice));
                    work.add(pool.submit(() -> {
                        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
                            for (Row row : mine) check(row, connection);
                        }
                        return null;
                    }));
                }
                for (var future : work) future.get();
            } finally {
                pool.shutdownNow();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    void check(Row row, Connection connection) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(evolutionUrl + "/instance/fetchInstances?instanceName="
                        + URLEncoder.encode(row.instanceName(), StandardCharsets.UTF_8)))
                .header("apikey", apiKey).timeout(Duration.ofSeconds(30)).GET().build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String status = "missing";
        if (response.statusCode() == 200) {
            JsonArray list = Json.createReader(new StringReader(response.body())).readArray();
            String state = list.isEmpty() ? "" : list.getJsonObject(0).getString("connectionStatus", "");
            status = switch (state) {
                case "open" -> "connected";
                case "connecting" -> "connecting";
                default -> "disconnected";
            };
        }
        try (var update = connection.prepareStatement(
                "UPDATE integrations.integrations SET status = ?, updated_at = now() WHERE id = ?::uuid")) {
            update.setString(1, status);
            update.setString(2, row.id());
            update.executeUpdate();
        }
    }

}
