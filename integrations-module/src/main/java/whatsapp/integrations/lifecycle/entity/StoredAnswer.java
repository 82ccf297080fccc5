package whatsapp.integrations.lifecycle.entity;

/**
 * The answer to a create request as it was given, so that a retry with the same {@code Idempotency-Key} gets it
 * again.
 *
 * @param location the {@code Location} of a 201, else null
 * @param replayed whether this is a repeat of an earlier answer
 */
public record StoredAnswer(int status, String body, String location, boolean replayed) {
}
