package whatsapp.integrations.lifecycle.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * The body of {@code PUT /integrations/{id}/monitoring}: {@code {"paused_until": "<ISO instant>", "reason": "..."}}
 * pauses monitoring (no alert, no auto-heal) until then; {@code {"paused_until": null}} resumes it. Read from JSON-P
 * so that a missing {@code paused_until} is refused rather than taken as a resume.
 *
 * @param pausedUntil null: resume
 */
@Schema(name = "MonitoringRequest", description = "paused_until: an ISO-8601 instant in the future, at most 30 days "
        + "ahead, or null to resume (required either way); reason: why, 1 to 200 characters (required to pause)")
public record MonitoringRequest(Instant pausedUntil, String reason) {

    /** The longest pause: a forgotten one must not silence an instance for good. */
    public static final Duration MAX_PAUSE = Duration.ofDays(30);
    public static final int MAX_REASON = 200;

    public boolean resume() {
        return pausedUntil == null;
    }

    /** @throws InvalidInput naming the field at fault; nothing is changed */
    public static MonitoringRequest of(JsonObject body, Instant now) {
        if (body == null) throw new InvalidInput("paused_until", "a JSON body is required: {\"paused_until\": \"<ISO-8601 "
                + "instant>\", \"reason\": \"...\"}, or {\"paused_until\": null} to resume");
        if (!body.containsKey("paused_until"))
            throw new InvalidInput("paused_until", "is required: an ISO-8601 instant, or null to resume");
        var value = body.get("paused_until");
        if (value.getValueType() == JsonValue.ValueType.NULL) return new MonitoringRequest(null, null);
        if (!(value instanceof JsonString text))
            throw new InvalidInput("paused_until", "must be an ISO-8601 instant such as 2025-11-15T18:00:00Z, or null");
        var until = instant(text.getString());
        if (!until.isAfter(now)) throw new InvalidInput("paused_until", "must be in the future");
        if (until.isAfter(now.plus(MAX_PAUSE))) throw new InvalidInput("paused_until", "must be at most 30 days ahead");
        var reason = body.get("reason");
        if (reason == null || reason.getValueType() == JsonValue.ValueType.NULL)
            throw new InvalidInput("reason", "is required to pause: say why");
        if (!(reason instanceof JsonString reasonText)) throw new InvalidInput("reason", "must be a string");
        var why = reasonText.getString().strip();
        if (why.isEmpty()) throw new InvalidInput("reason", "must not be blank");
        if (why.length() > MAX_REASON) throw new InvalidInput("reason", "must be at most " + MAX_REASON + " characters");
        if (why.chars().anyMatch(Character::isISOControl)) throw new InvalidInput("reason", "must not contain control characters");
        return new MonitoringRequest(until, why);
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("paused_until", "must be an ISO-8601 instant such as 2025-11-15T18:00:00Z, or null");
        }
    }
}
