package whatsapp.maintenance.fleethealth.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;
import whatsapp.web.paging.Cursor;

/**
 * {@code GET /maintenance/health-check/status}: {"success": true, "summary": {...}, "instances": [...],
 * "next_cursor": ...}. The summary counts the whole fleet; {@code instances} is one page, by instance name, and
 * {@code next_cursor} names the next page (null on the last).
 */
@JsonbPropertyOrder({"success", "summary", "instances", "nextCursor"})
public record FleetStatus(boolean success, Counts summary, List<InstanceStatus> instances, String nextCursor) {

    public FleetStatus {
        instances = List.copyOf(instances);
    }

    /**
     * @param counts     rows per status, the whole fleet's
     * @param unverified rows whose webhook secret Evolution may not have yet, the whole fleet's
     * @param page       rows sorted by instance name, one more than the page holds when there is a next page
     */
    public static FleetStatus of(Map<Status, Long> counts, long unverified, List<IntegrationSummary> page, int limit) {
        return of(counts, unverified, 0, page, limit);
    }

    /** @param zombies connected rows the liveness probe found dead, the whole fleet's */
    public static FleetStatus of(Map<Status, Long> counts, long unverified, long zombies, List<IntegrationSummary> page, int limit) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long healthy = counts.entrySet().stream().filter(e -> e.getKey().healthy()).mapToLong(Map.Entry::getValue).sum();
        var instances = page.stream().limit(limit).map(InstanceStatus::of).toList();
        String next = page.size() > limit && !instances.isEmpty()
                ? Cursor.of(instances.get(instances.size() - 1).instanceName()) : null;
        return new FleetStatus(true, new Counts((int) total, (int) healthy, (int) (total - healthy), (int) unverified,
                (int) zombies), instances, next);
    }

    /** The instance name a page ends with. @throws whatsapp.web.problems.boundary.InvalidInput for a foreign cursor */
    public static String after(String cursor) {
        return cursor == null ? null : Cursor.parts(cursor, 1).get(0);
    }

    /** @param zombies connected in Evolution's eyes, found dead by the liveness probe (counted as healthy by status) */
    @JsonbPropertyOrder({"total", "healthy", "unhealthy", "webhookUnverified", "zombies"})
    public record Counts(int total, int healthy, int unhealthy, int webhookUnverified, int zombies) {
    }

    /**
     * @param health        {@code zombie} (connected, found dead by the liveness probe since {@code probeFailedAt}) or
     *                      {@code ok}
     * @param probeAnswer   what the probe got from a zombie
     */
    @JsonbPropertyOrder({"instanceName", "organizationId", "status", "enabled", "healthy", "connectedAt", "disconnectReason",
            "canSend", "cannotSendReason", "restricted", "lastUpdated", "webhookUnverified", "health", "probeFailedAt",
            "probeAnswer"})
    public record InstanceStatus(String instanceName, String organizationId, Status status, boolean enabled, boolean healthy,
                                 Instant connectedAt, String disconnectReason, boolean canSend, String cannotSendReason,
                                 boolean restricted, Instant lastUpdated,
                                 boolean webhookUnverified, String health, Instant probeFailedAt, String probeAnswer) {

        static InstanceStatus of(IntegrationSummary row) {
            boolean zombie = row.zombie();
            var sending = CloseReason.sending(row.status(), row.disconnectReason());
            return new InstanceStatus(row.instanceName(), row.organizationId(), row.status(), row.enabled(), row.status().healthy(),
                    row.connectedAt(), row.disconnectReason(), sending.canSend(), sending.reason(), sending.restricted(),
                    row.updatedAt(), row.webhookUnverified(),
                    zombie ? "zombie" : "ok", zombie ? row.probeFailedAt() : null, zombie ? row.probeAnswer() : null);
        }
    }
}
