package whatsapp.maintenance.servers.entity;

import java.time.Instant;
import java.util.Map;

/**
 * One Evolution server as {@code GET /maintenance/evolution-servers} shows it. Never its key, never its full URL.
 *
 * @param host              the URL's host and port only
 * @param capacity          instances it may hold (null when not configured)
 * @param configured        false: rows name it but configuration no longer does; its instances are left alone
 * @param reachable         whether it answers an authenticated call now (cached a few seconds)
 * @param unreachableReason why not, else null
 * @param instancesByStatus rows placed there per status (creations in flight count as pending)
 * @param lastListedAt      when this node last listed it (sweep, cleanup), null if never since boot
 */
public record EvolutionServerView(String name, String host, Integer capacity, boolean draining, boolean configured,
                                  boolean reachable, String unreachableReason, Map<String, Long> instancesByStatus,
                                  Instant lastListedAt) {
}
