package whatsapp.benchmarks;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** GET throughput with wrk (a native load generator, so the server gets most of the 2 cores), when installed. */
final class Wrk {

    private Wrk() {
    }

    /** One run's figures. */
    record Result(int connections, int seconds, double rate, String p50, double p99Millis, String non2xx) {
        String line(String targets) {
            return String.format("wrk, 2 threads, %d connections, %d s: **%.0f req/s**, p50 %s, **p99 %s**, non-2xx %s%s",
                    connections, seconds, rate, p50, Report.ms(p99Millis), non2xx, targets.isEmpty() ? "" : " (" + targets + ")");
        }
    }

    static boolean installed() {
        return Files.isExecutable(java.nio.file.Path.of("/usr/bin/wrk"));
    }

    /** A warm-up run (not reported: C2 needs about a minute of this load on 2 cores), then 8 and 16 connections. */
    static List<Result> run(List<String> ids, String baseUrl, String token, int seconds, int warmupSeconds) throws Exception {
        once(ids, baseUrl, token, warmupSeconds, 16);
        return List.of(once(ids, baseUrl, token, seconds, 8), once(ids, baseUrl, token, seconds, 16));
    }

    static Result once(List<String> ids, String baseUrl, String token, int seconds, int connections) throws Exception {
        if (!installed()) throw new IllegalStateException("wrk is not installed (apt-get install wrk)");
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
        var p99 = Pattern.compile("\\s99%\\s+([\\d.]+)(\\w+)").matcher(output);
        var errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (!rate.find() || !p99.find() || !p50.find())
            throw new IllegalStateException("wrk gave no figures: " + output.lines().limit(3).toList());
        double value = Double.parseDouble(p99.group(1));
        double millis = switch (p99.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value;
        };
        return new Result(connections, seconds, Double.parseDouble(rate.group(1)), p50.group(1), millis,
                errors.find() ? errors.group(1) : "0");
    }
}
