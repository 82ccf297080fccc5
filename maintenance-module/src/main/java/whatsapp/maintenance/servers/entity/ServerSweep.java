package whatsapp.maintenance.servers.entity;

/**
 * One Evolution server in a health sweep's or a cleanup's summary.
 *
 * @param reachable       whether its listing was usable; false: its instances were left unchanged
 * @param configured      false: rows name it but configuration no longer does (its instances are never taken for gone)
 * @param instances       watched rows placed there
 * @param healthy         of those, connected after the sweep
 * @param durationSeconds how long its listing took
 * @param error           why it could not be listed, else null
 */
public record ServerSweep(String name, boolean reachable, boolean configured, int instances, int healthy,
                          double durationSeconds, String error) {
}
