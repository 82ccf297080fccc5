package whatsapp.maintenance.windows.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One maintenance window as {@code GET /maintenance/windows} shows it.
 *
 * @param servers     the Evolution servers it holds; null: every server
 * @param state       {@code scheduled} (not started), {@code active}, {@code ending} (over, its comparison under way),
 *                    {@code ended}, or {@code cancelled} (ended before it started: nothing compared, no alert)
 * @param endedAt     when it ended (early: by whom, {@code ended_by}); null while on
 * @param snapshotAt  when the fleet was recorded at its start; null: not yet
 * @param summary     what changed, once compared at its end; null before
 * @param alertId     the summary alert
 */
@JsonbPropertyOrder({"id", "state", "starts_at", "ends_at", "reason", "servers", "created_by", "created_at", "ended_at",
        "ended_by", "snapshot_at", "summarized_at", "alert_id", "summary"})
public record Window(UUID id, String state, Instant startsAt, Instant endsAt, String reason, List<String> servers,
                     String createdBy, Instant createdAt, Instant endedAt, String endedBy, Instant snapshotAt,
                     Instant summarizedAt, UUID alertId, WindowSummary summary) {

    public static final String SCHEDULED = "scheduled";
    public static final String ACTIVE = "active";
    public static final String ENDING = "ending";
    public static final String ENDED = "ended";
    public static final String CANCELLED = "cancelled";

    /** The window in words, for logs and the alert: its reason and servers. */
    public String title() {
        return "\"" + reason + "\" (" + (servers == null ? "every server" : "servers " + String.join(", ", servers)) + ")";
    }

    /** {@code {"windows": [...]}} */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WindowPage")
    public record Page(List<Window> windows) {
    }
}
