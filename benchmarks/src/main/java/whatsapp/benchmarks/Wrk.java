package whatsapp.benchmarks;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** GET throughput with wrk (a native load generator, so the server gets most of the 2 cores), when installed. */
final class Wrk {

    private Wrk() {
    }

    /** One line per connection count: the tail grows with the queue the connections build on 2 cores. */
    static Optional<String> run(List<String> ids, String baseUrl, String token, int seconds) throws Exception {
        // Warm-up, not reported: C2 needs about a minute of this load on 2 cores before the figures settle.
        if (once(ids, baseUrl, token, seconds >= 15 ? 40 : 10, 16).isEmpty()) return Optional.empty();
        var lines = new StringBuilder();
        for (int connections : new int[]{8, 16}) {
            var line = once(ids, baseUrl, token, seconds, connections);
            if (line.isEmpty()) return Optional.empty();
            if (lines.length() > 0) lines.append("\n\n");
            lines.append(line.get());
        }
        return Optional.of(lines.toString());
    }

    static Optional<String> once(List<String> ids, String baseUrl, String token, int seconds, int connections) throws Exception {
        if (!Files.isExecutable(java.nio.file.Path.of("/usr/bin/wrk"))) return Optional.empty();
        var script = Files.createTempFile("ids", ".lua");
        var lua = new StringBuilder("local ids = {");
        for (String id : ids) lua.append('"').append(id).append("\",");
        lua.append("}\nlocal n = 0\nrequest = function()\n  n = n + 1\n"
                + "  return wrk.format('GET', '" + baseUrl.replaceFirst("https?://[^/]+", "") + "' .. ids[(n % #ids) + 1])\nend\n");
        Files.writeString(script, lua);
        var process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + token, "-s", script.toString(), baseUrl.replaceFirst("(https?://[^/]+).*", "$1"))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(seconds + 30L, TimeUnit.SECONDS);
        Files.deleteIfExists(script);
        var rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
        var p50 = Pattern.compile("\\s50%\\s+([\\d.]+\\w+)").matcher(output);
        var p99 = Pattern.compile("\\s99%\\s+([\\d.]+\\w+)").matcher(output);
        var errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (!rate.find() || !p99.find() || !p50.find()) return Optional.of("wrk gave no figures: " + output.lines().limit(3).toList());
        return Optional.of(String.format("wrk, 2 threads, %d connections, %d s: **%.0f req/s**, p50 %s, **p99 %s**, non-2xx %s"
                        + " (targets ≥ 3,000 req/s, p99 < 20 ms)", connections, seconds, Double.parseDouble(rate.group(1)), p50.group(1),
                p99.group(1), errors.find() ? errors.group(1) : "0"));
    }
}
