package whatsapp.soak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** docs/reliability.md and the summary printed at the end. */
final class Report {

    private Report() {
    }

    static String markdown(String findings, long seed, boolean smoke, int minutes, long started, long loadEnded, long ended, Stats stats,
                           List<Faults.Injected> faults, Collection<long[]> createsOk, Map<String, Object> scale,
                           Map<String, String> settings) {
        var md = new StringBuilder();
        md.append("# Reliability: the chaos soak\n\n");
        md.append("Written by `./soak/run.sh` (module `soak/`, not part of `./mvnw verify`): two WildFly nodes behind the local\n")
          .append("round-robin front, three simulated Evolution servers, embedded PostgreSQL and Redis, clinic traffic, an event\n")
          .append("worker (consumer group + HTTP catch-up) and an alert receiver, faults at random from a seed, invariants checked\n")
          .append("every 5 s and at the end. Repeat this run with `./soak/run.sh ")
          .append(smoke ? "--smoke" : "--minutes " + minutes).append(" --seed ").append(seed).append("`.\n\n");
        md.append("## This run\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| seed | ").append(seed).append(" |\n");
        md.append("| mode | ").append(smoke ? "smoke (each fault kind once, at least 3 minutes)" : minutes + " minutes").append(" |\n");
        md.append("| started | ").append(Soak.iso(started)).append(" |\n");
        md.append("| load and faults | ").append((loadEnded - started) / 1000).append(" s |\n");
        md.append("| settle and final checks | ").append((ended - loadEnded) / 1000).append(" s |\n");
        md.append("| requests | ").append(stats.get("requests")).append(" |\n");
        md.append("| events in the outbox / applied by the worker | ").append(stats.get("events in the outbox")).append(" / ")
          .append(stats.get("events applied")).append(" |\n");
        md.append("| faults injected | ").append(faults.size()).append(" |\n");
        md.append("| invariant violations | **").append(Soak.violations(stats)).append("** |\n");
        scale.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nServer settings of the soak (beside the local stack's): ");
        settings.forEach((k, v) -> md.append('`').append(k).append('=').append(v).append("` "));
        md.append("\n\n## Invariants\n\n| invariant | checks | violations |\n|---|---:|---:|\n");
        synchronized (stats.invariants) {
            for (var invariant : stats.invariants.values())
                md.append("| ").append(invariant.name).append(" | ").append(invariant.checks.get()).append(" | ")
                  .append(invariant.violations.get()).append(" |\n");
            md.append('\n');
            for (var invariant : stats.invariants.values()) {
                if (invariant.examples.isEmpty()) continue;
                md.append("**").append(invariant.name).append("** (first ").append(invariant.examples.size()).append("):\n\n");
                for (var example : invariant.examples) md.append("- ").append(example.replace("|", "\\|")).append('\n');
                md.append('\n');
            }
        }
        md.append("## Faults\n\n| kind | injected | recovery p50 (s) | recovery max (s) |\n|---|---:|---:|---:|\n");
        var byKind = new TreeMap<String, List<Faults.Injected>>();
        for (var fault : faults) byKind.computeIfAbsent(fault.kind.name(), k -> new ArrayList<>()).add(fault);
        byKind.forEach((kind, list) -> {
            var recoveries = new ArrayList<Long>();
            for (var fault : list) {
                long recovery = recovery(fault, createsOk);
                if (recovery >= 0) recoveries.add(recovery);
            }
            long[] p = Stats.percentiles(recoveries);
            md.append("| ").append(kind).append(" | ").append(list.size()).append(" | ")
              .append(recoveries.isEmpty() ? "–" : String.format("%.1f", p[1] / 1000.0)).append(" | ")
              .append(recoveries.isEmpty() ? "–" : String.format("%.1f", p[3] / 1000.0)).append(" |\n");
        });
        md.append("\nRecovery: from the end of a fault (faults cleared; for a kill, the node ready again) to the answer of the first\n")
          .append("create (2xx) sent after it; for a fault of one Evolution server, the first such create placed on that server.\n")
          .append("Each fault:\n\n| at (s) | kind | target | lasted (s) | recovery (s) | note |\n|---:|---|---|---:|---:|---|\n");
        for (var fault : faults) {
            long recovery = recovery(fault, createsOk);
            md.append("| ").append((fault.start - started) / 1000).append(" | ").append(fault.kind).append(" | ").append(fault.target)
              .append(" | ").append((fault.end - fault.start) / 1000).append(" | ")
              .append(recovery < 0 ? "–" : String.format("%.1f", recovery / 1000.0)).append(" | ").append(fault.note).append(" |\n");
        }
        md.append("\n## Latency per endpoint (ms, through the front)\n\n")
          .append("| endpoint | requests | p50 | p99 | max | during faults | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var endpoint : new TreeMap<>(stats.latencies).keySet()) {
            long[] all = Stats.percentiles(stats.latencies.get(endpoint));
            long[] during = Stats.percentiles(stats.latenciesDuringFaults.getOrDefault(endpoint, List.of()));
            md.append("| ").append(endpoint).append(" | ").append(all[0]).append(" | ").append(all[1]).append(" | ").append(all[2])
              .append(" | ").append(all[3]).append(" | ").append(during[0]).append(" | ").append(during[1]).append(" | ")
              .append(during[2]).append(" | ").append(during[3]).append(" |\n");
        }
        if (findings != null) md.append('\n').append(findings.strip()).append('\n');
        md.append("\n## Counts\n\n| counter | value |\n|---|---:|\n");
        stats.countersSorted().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    /**
     * Millis from the fault's end to the answer of the first successful create sent after it (for a fault of one
     * Evolution server: the first one placed on that server); -1 if none.
     */
    static long recovery(Faults.Injected fault, Collection<long[]> createsOk) {
        long best = Long.MAX_VALUE;
        int server = Soak.SERVERS.indexOf(fault.target);
        for (var create : createsOk)
            if (create[0] >= fault.end && (server < 0 || create[2] == server)) best = Math.min(best, create[1]);
        return best == Long.MAX_VALUE ? -1 : best - fault.end;
    }

    static String summary(long seed, Stats stats, List<Faults.Injected> faults) {
        var text = new StringBuilder("==== Soak summary: seed ").append(seed).append(" ====\n");
        text.append("requests ").append(stats.get("requests")).append(", events in outbox ").append(stats.get("events in the outbox"))
            .append(", applied by the worker ").append(stats.get("events applied")).append(", alert notices ")
            .append(stats.get("alerts: notices received")).append('\n');
        var byKind = new TreeMap<String, Integer>();
        for (var fault : faults) byKind.merge(fault.kind.name(), 1, Integer::sum);
        text.append("faults ").append(byKind).append('\n');
        synchronized (stats.invariants) {
            for (var invariant : stats.invariants.values())
                text.append(String.format("  %-80s checks %8d  violations %d%n", invariant.name, invariant.checks.get(), invariant.violations.get()));
        }
        text.append("violations: ").append(Soak.violations(stats));
        return text.toString();
    }
}
