package whatsapp.integrations.status.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a webhook delivery stands in its instance's order, by Evolution's own timestamps (its wall clock, which only
 * its other deliveries share). Newer than the last applied: applied. The same millisecond: applied when it is a
 * different delivery (the later arrival wins), ignored when it is the same one again. Older: ignored, unless it is
 * more than {@code clockReset} older: Evolution's clock stepped back (DST fall-back, a time zone change), and ignoring
 * would drop every delivery for that long, so it is applied as the start of a new order. Pure.
 */
public enum WebhookOrder {
    FIRST(true), NEWER(true), SAME_MILLISECOND(true), CLOCK_RESET(true), REPEATED(false), OLDER(false);

    final boolean applies;

    WebhookOrder(boolean applies) {
        this.applies = applies;
    }

    public boolean applies() {
        return applies;
    }

    /**
     * @param lastAt     the stamp of the last delivery applied, null for none
     * @param lastDigest its fingerprint, null when unknown
     */
    public static WebhookOrder of(Instant lastAt, String lastDigest, Instant at, String digest, Duration clockReset) {
        if (lastAt == null) return FIRST;
        if (at.isAfter(lastAt)) return NEWER;
        if (at.equals(lastAt)) return digest.equals(lastDigest) ? REPEATED : SAME_MILLISECOND;
        return at.isBefore(lastAt.minus(clockReset)) ? CLOCK_RESET : OLDER;
    }

    /** Why an ignored delivery was ignored, for the answer. */
    public String reason() {
        return switch (this) {
            case REPEATED -> "the same delivery was applied already";
            case OLDER -> "older than the delivery applied before (by Evolution's clock)";
            default -> null;
        };
    }
}
