package whatsapp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures as they are measured: printed at once, written to docs/benchmarks.md at the end, after a summary table with
 * one row per target of issue 20 (measure, target, figure, met or not). A row no measurement filled says so.
 */
final class Report {

    /** One target: what is measured, the target, the figure found, whether it is met (null: not measured). */
    static final class Target {
        final String measure;
        final String target;
        String figure = "not measured";
        Boolean met;

        Target(String measure, String target) {
            this.measure = measure;
            this.target = target;
        }
    }

    final List<String> lines = new ArrayList<>();
    final Map<String, Target> targets = new LinkedHashMap<>();

    Report() {
        target("sweep-seq", "sweep, 10,000 instances, simulator 5 ms, vs the seed's sequential loop", "≥ 100×");
        target("sweep-threads", "the same sweep vs the seed's loop on 10 threads", "≥ 15×");
        target("sweep-abs", "the same sweep, absolute", "< 0.5 s");
        target("fleet", "sweep, 5 servers × 10,000 instances, 5 ms", "< 1.5 s");
        target("fleet-hang", "the same sweep with one server hanging until its list timeout (3 s)", "adds ≤ its timeout");
        target("orphans", "orphan check, 10,000 instances / 10,000 rows", "< 0.2 s");
        target("orphans-listings", "orphan check: fleet listings per check (one server)", "1");
        target("orphans-linear", "orphan check from 10,000 to 50,000 (5×)", "linear (≤ 6.7×)");
        target("get-rate", "`GET /integrations/{id}`, wrk, 16 connections: throughput", "≥ 6,000 req/s");
        target("get-p99", "`GET /integrations/{id}`, wrk, 16 connections: p99", "< 10 ms");
        target("post-p99", "`POST /integrations/whatsapp`, 50 clients over 500 organizations: p99", "< 400 ms");
        target("post-dups", "the same: organizations with two enabled rows", "0");
        target("hook-topic", "webhook → `instance.status_changed` on the topic: p99", "< 50 ms");
        target("hook-stream", "webhook → `instance.status_changed` on the stream: p99", "< 50 ms");
        target("burst-order", "webhook burst, 20,000 deliveries (1,000 instances × 20): applied in order, none lost",
                "all applied, in order");
        target("burst-rate", "the same burst: deliveries per second", "≥ 2,000/s");
        target("burst-starve", "the same burst: no request thread starvation (GET p99 during the burst)",
                "every GET answered, p99 < 100 ms");
        target("alert", "webhook → alert at the receiver: p99", "< 1 s");
        target("catchup-http", "event catch-up of 10,000 events over HTTP", "< 1 s");
        target("catchup-stream", "event catch-up of 10,000 events over the stream", "< 1 s");
        target("probe-cap", "zombie probing of 10,000 connected instances at the default rate: probes in any second",
                "≤ the cap");
        target("probe-get", "the same: `GET /integrations/{id}` p99 with probing vs without", "no change (within 20 % or 1 ms)");
        target("boot", "boot to ready (median)", "< 10 s");
        target("rss-boot", "server RSS after boot", "< 500 MB");
        target("rss-end", "server RSS after the whole benchmark", "< 600 MB");
    }

    private void target(String key, String measure, String target) {
        targets.put(key, new Target(measure, target));
    }

    /** Fills a row of the summary (and prints it). */
    void result(String key, String figure, boolean met) {
        var target = targets.get(key);
        if (target == null) throw new IllegalArgumentException(key);
        target.figure = figure;
        target.met = met;
        System.out.println("  => " + target.measure + ": " + figure + " (target " + target.target + "): "
                + (met ? "met" : "NOT met"));
    }

    void section(String title) {
        add("");
        add("## " + title);
        add("");
    }

    void add(String line) {
        System.out.println(line);
        lines.add(line);
    }

    void row(Object... cells) {
        var text = new StringBuilder("|");
        for (Object cell : cells) text.append(' ').append(cell).append(" |");
        add(text.toString());
    }

    String summary() {
        var text = new StringBuilder("## Summary\n\n| measure | target | figure | met? |\n| --- | --- | --- | --- |\n");
        long met = 0, missed = 0, unmeasured = 0;
        for (var target : targets.values()) {
            text.append("| ").append(target.measure).append(" | ").append(target.target).append(" | ")
                    .append(target.figure).append(" | ")
                    .append(target.met == null ? "not measured" : target.met ? "met" : "**not met**").append(" |\n");
            if (target.met == null) unmeasured++;
            else if (target.met) met++;
            else missed++;
        }
        text.append("\n").append(met).append(" met, ").append(missed).append(" not met").append(unmeasured > 0
                ? ", " + unmeasured + " not measured" : "").append(". The sections below give each figure's details.\n");
        return text.toString();
    }

    void write(Path file, String header, String notes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n" + summary() + notes + String.join("\n", lines) + "\n");
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    static String s(double seconds) {
        return seconds < 1 ? String.format("%.0f ms", seconds * 1000) : String.format("%.2f s", seconds);
    }

    static String ratio(double baseline, double ours) {
        return String.format("%.1f×", baseline / ours);
    }
}
