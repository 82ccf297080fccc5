package whatsapp.integrations.events.entity;

import java.util.regex.Pattern;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * A catch-up request: events with a sequence above {@code after}, at most {@code limit} of them. Only plain decimal
 * literals are accepted (no sign, exponent, blank or fraction), so a worker's bug is a 400 and not a silent reread.
 */
public record CatchUp(long after, int limit) {

    public static final int MAX_LIMIT = 1000;
    static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    public static CatchUp of(String after, String limit) {
        if (after == null || !DIGITS.matcher(after).matches())
            throw new InvalidInput("after", "must be the sequence of the last event you processed, a non-negative integer"
                    + " (0 for the oldest retained event)");
        int count = 100;
        if (limit != null) {
            if (!DIGITS.matcher(limit).matches() || limit.length() > 4 || Integer.parseInt(limit) < 1
                    || Integer.parseInt(limit) > MAX_LIMIT)
                throw new InvalidInput("limit", "must be an integer from 1 to " + MAX_LIMIT);
            count = Integer.parseInt(limit);
        }
        return new CatchUp(Long.parseLong(after), count);
    }
}
