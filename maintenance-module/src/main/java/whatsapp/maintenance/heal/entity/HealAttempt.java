package whatsapp.maintenance.heal.entity;

/**
 * What the auto-heal did about one instance stuck in {@code connecting}.
 *
 * @param outcome {@code restarted}, {@code failed}, {@code missing}, {@code rate_limited}, {@code repair_needed},
 *                {@code suppressed} or {@code monitoring_paused}
 */
public record HealAttempt(String instanceName, String outcome, String detail) {

    public static final String RESTARTED = "restarted";
    public static final String FAILED = "failed";
    public static final String MISSING = "missing";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String REPAIR_NEEDED = "repair_needed";
    /** flapping: the auto-heal holds off until the instance is stable */
    public static final String SUPPRESSED = "suppressed";
    /** its monitoring is paused (PUT /integrations/{id}/monitoring): the auto-heal leaves it alone until the pause ends */
    public static final String PAUSED = "monitoring_paused";
}
