package whatsapp.maintenance.alerts.entity;

import java.time.Instant;
import java.util.List;

/**
 * Something worth a human's attention, about one instance or (a duplicate number) several.
 *
 * @param kind   the alert's {@code type}: {@link #DISCONNECTED}, {@link #REPAIR_NEEDED} or {@link #DUPLICATE_NUMBER}
 * @param detail the disconnect reason, or the phone number of a duplicate
 * @param since  when the state began (an alert sent after it already covered it); null: no episode
 */
public record Subject(String kind, List<String> instanceNames, String organizationId, String detail, Instant since) {

    public static final String DISCONNECTED = "instance.disconnected";
    public static final String REPAIR_NEEDED = "instance.repair_needed";
    public static final String DUPLICATE_NUMBER = "instance.duplicate_number";
    /** Connected in Evolution's eyes, but the liveness probe found it dead. */
    public static final String ZOMBIE = "instance.zombie";
    /** Deleted and created again outside this service: a new Evolution id under a known name. */
    public static final String RECREATED = "instance.recreated";
    /** Evolution's webhook settings of the instance differ from ours and it did not take ours again. */
    public static final String WEBHOOK_DRIFT = "instance.webhook_drift";
    /** More status changes within the flap window than allowed: a reconnect loop. */
    public static final String FLAPPING = "instance.flapping";

    /** A maintenance window ended: what changed in the fleet meanwhile (one alert per window). */
    public static final String WINDOW_SUMMARY = "maintenance_window.summary";
    /** Two Evolution servers list the same instance ids: one database under one client name (440 conflict loops). */
    public static final String SHARED_DATABASE = "evolution.shared_database";

    public Subject {
        instanceNames = List.copyOf(instanceNames);
    }

    public static Subject disconnected(String instanceName, String organizationId, String reason, Instant since) {
        return new Subject(DISCONNECTED, List.of(instanceName), organizationId, reason, since);
    }

    /** Stuck connecting after WhatsApp ended the session with 401/403: the auto-heal will not restart it. */
    public static Subject repairNeeded(String instanceName, String organizationId, String reason, Instant since) {
        return new Subject(REPAIR_NEEDED, List.of(instanceName), organizationId, reason, since);
    }

    /** @param answer what the probe got; @param since when it was first found dead */
    public static Subject zombie(String instanceName, String organizationId, String answer, Instant since) {
        return new Subject(ZOMBIE, List.of(instanceName), organizationId, answer, since);
    }

    /** @param detail the count and the transitions and reasons seen */
    public static Subject flapping(String instanceName, String organizationId, String detail) {
        return new Subject(FLAPPING, List.of(instanceName), organizationId, detail, null);
    }

    public static Subject webhookDrift(String instanceName, String organizationId, String detail) {
        return new Subject(WEBHOOK_DRIFT, List.of(instanceName), organizationId, detail, null);
    }

    /** @param ids "<previous id> → <new id>" */
    public static Subject recreated(String instanceName, String organizationId, String ids) {
        return new Subject(RECREATED, List.of(instanceName), organizationId, ids, null);
    }

    public static Subject duplicate(String phoneNumber, List<String> instanceNames) {
        return new Subject(DUPLICATE_NUMBER, instanceNames, null, phoneNumber, null);
    }

    /** What one unresolved alert at most is about: {@code instance:<name>} or {@code number:<digits>}. */
    public String key() {
        if (ZOMBIE.equals(kind)) return zombieKey(instanceNames.get(0));
        if (RECREATED.equals(kind)) return RECREATED_PREFIX + instanceNames.get(0);
        if (WEBHOOK_DRIFT.equals(kind)) return WEBHOOK_PREFIX + instanceNames.get(0);
        if (FLAPPING.equals(kind)) return flappingKey(instanceNames.get(0));
        if (WINDOW_SUMMARY.equals(kind)) return WINDOW_PREFIX + detail.split("[ :]")[2];
        if (SHARED_DATABASE.equals(kind))
            return sharedDatabaseKey(List.of(detail.substring(SHARED_DATABASE_REASON.length()).split(" and ")));
        return DUPLICATE_NUMBER.equals(kind) ? numberKey(detail) : instanceKey(instanceNames.get(0));
    }

    /** A zombie's alert has a subject of its own: the instance is connected, which resolves its other alerts. */
    public static String zombieKey(String instanceName) {
        return ZOMBIE_PREFIX + instanceName;
    }

    public static final String ZOMBIE_PREFIX = "zombie:";
    public static final String RECREATED_PREFIX = "recreated:";
    public static final String WEBHOOK_PREFIX = "webhook:";
    public static final String FLAPPING_PREFIX = "flapping:";
    public static final String WINDOW_PREFIX = "window:";
    public static final String SHARED_DATABASE_PREFIX = "servers:";

    /**
     * @param instanceNames the instances the summary names (at least one entry: the alerts table needs one)
     * @param counts        what changed, in words: the alert's reason after the window's id
     */
    public static Subject windowSummary(java.util.UUID windowId, List<String> instanceNames, String counts) {
        return new Subject(WINDOW_SUMMARY, instanceNames, null, "maintenance window " + windowId + ": " + counts, null);
    }

    static final String SHARED_DATABASE_REASON = "shared database: ";

    /** @param servers the two servers; @param example an instance both list */
    public static Subject sharedDatabase(List<String> servers, String example) {
        return new Subject(SHARED_DATABASE, List.of(example), null, SHARED_DATABASE_REASON + String.join(" and ", servers), null);
    }

    public static String sharedDatabaseKey(List<String> servers) {
        return SHARED_DATABASE_PREFIX + String.join("+", servers.stream().sorted().toList());
    }

    public static String flappingKey(String instanceName) {
        return FLAPPING_PREFIX + instanceName;
    }

    public static String instanceKey(String instanceName) {
        return "instance:" + instanceName;
    }

    public static String numberKey(String phoneNumber) {
        return "number:" + phoneNumber;
    }
}
