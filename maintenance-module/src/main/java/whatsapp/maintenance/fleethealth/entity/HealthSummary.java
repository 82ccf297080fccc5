package whatsapp.maintenance.fleethealth.entity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.maintenance.heal.entity.HealAttempt;
import whatsapp.maintenance.runs.entity.Run;
import whatsapp.maintenance.runs.entity.RunStart;
import whatsapp.maintenance.servers.entity.ServerSweep;

/**
 * {@code health_summary} as {@code POST /maintenance/health-check} answers it and the runs history stores it.
 * {@code instances} lists the instances that need a look: unhealthy, changed or not checkable; the healthy rest
 * is only counted.
 *
 * @param cacheEntries routing cache entries the sweep rewrote; null when Redis could not be used (the sweep goes on)
 *                     or the sweep did not get that far
 * @param error        why the sweep could not run (Evolution unavailable), else null
 * @param servers      each Evolution server: listed or not (its instances then left unchanged), its instances, healthy
 */
public record HealthSummary(UUID runId, Instant startedAt, Instant completedAt, double durationSeconds, String triggeredBy,
                            int totalInstances, int healthy, int unhealthy, int statusChanges, int errors,
                            List<InstanceHealth> instances, List<HealAttempt> restarts, int alertsSent, Integer cacheEntries,
                            String error, List<ServerSweep> servers) {

    public HealthSummary(UUID runId, Instant startedAt, Instant completedAt, double durationSeconds, String triggeredBy,
                         int totalInstances, int healthy, int unhealthy, int statusChanges, int errors,
                         List<InstanceHealth> instances, List<HealAttempt> restarts, int alertsSent, Integer cacheEntries,
                         String error) {
        this(runId, startedAt, completedAt, durationSeconds, triggeredBy, totalInstances, healthy, unhealthy, statusChanges,
                errors, instances, restarts, alertsSent, cacheEntries, error, List.of());
    }

    /** The same summary with each server's part. */
    public HealthSummary withServers(List<ServerSweep> servers) {
        return new HealthSummary(runId, startedAt, completedAt, durationSeconds, triggeredBy, totalInstances, healthy, unhealthy,
                statusChanges, errors, instances, restarts, alertsSent, cacheEntries, error, servers);
    }

    /** Entries kept in the runs history: the changed and failed ones, at most this many. */
    static final int RECORDED_INSTANCES = 200;

    public HealthSummary {
        instances = List.copyOf(instances);
        restarts = List.copyOf(restarts);
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    public static HealthSummary unavailable(RunStart run, String reason, Integer cacheEntries) {
        var completed = Instant.now();
        return new HealthSummary(run.id(), run.startedAt(), completed, Run.seconds(run.startedAt(), completed), run.triggeredBy(),
                0, 0, 0, 0, 0, List.of(), List.of(), 0, cacheEntries, reason);
    }

    /** For the runs history: 10,000 unhealthy instances every five minutes would bloat it; changes and errors matter. */
    public HealthSummary forRecord() {
        var kept = instances.stream().filter(i -> i.changed() || i.error() != null).limit(RECORDED_INSTANCES).toList();
        return new HealthSummary(runId, startedAt, completedAt, durationSeconds, triggeredBy, totalInstances, healthy, unhealthy,
                statusChanges, errors, kept, restarts, alertsSent, cacheEntries, error, servers);
    }

}
