package whatsapp.integrations.cache.control;

import java.time.Duration;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The TTL of a routing entry. Every health sweep rewrites the entry of every watched row, so the TTL only has to
 * outlive the gap between two sweeps, with room for a sweep or two that fail or are skipped: it is at least three
 * times the longest gap of {@code health-check.schedule}. A configured TTL below that is raised (and the raise
 * logged) rather than refused, so that a faster TTL never makes a stable connected clinic vanish between sweeps.
 *
 * <p>The gap is derived from the schedule's {@code minute} and {@code hour} fields (the forms {@code *}, {@code n},
 * {@code a-b}, {@code * /n}, {@code a/n}, {@code a-b/n} and lists of them, as {@code Schedules} in the maintenance
 * module reads them). A schedule naming days, months, years or seconds, or {@code off}, gives no gap: the TTL stays
 * as configured (with the schedule off nothing but the rebuild endpoint rewrites the entries).
 */
public final class RoutingTtl {

    static final int SWEEPS_COVERED = 3;
    static final int MINUTES_A_DAY = 24 * 60;

    private RoutingTtl() {
    }

    /** @param seconds when set, wins over {@code minutes} (tests use it to wait seconds, not an hour) */
    public static Duration configured(Optional<Long> seconds, long minutes) {
        return seconds.map(Duration::ofSeconds).orElse(Duration.ofMinutes(minutes));
    }

    /** The configured TTL, raised to three sweep intervals when it is shorter. */
    public static Duration of(Duration configured, String healthSchedule) {
        return longestGap(healthSchedule).map(gap -> gap.multipliedBy(SWEEPS_COVERED))
                .filter(floor -> floor.compareTo(configured) > 0).orElse(configured);
    }

    /** The longest time between two consecutive sweeps of the schedule, over a day; empty when not derivable. */
    public static Optional<Duration> longestGap(String schedule) {
        if (schedule == null || schedule.isBlank() || schedule.trim().equalsIgnoreCase("off")) return Optional.empty();
        String minute = "0", hour = "*";
        for (var field : schedule.split(";")) {
            var pair = field.split("=", 2);
            if (pair.length != 2) return Optional.empty();
            var name = pair[0].trim();
            var value = pair[1].trim();
            switch (name) {
                case "minute" -> minute = value;
                case "hour" -> hour = value;
                case "second" -> {
                    if (!value.equals("0")) return Optional.empty();
                }
                default -> {
                    if (!value.equals("*")) return Optional.empty();
                }
            }
        }
        var minutes = values(minute, 59);
        var hours = values(hour, 23);
        if (minutes.isEmpty() || hours.isEmpty()) return Optional.empty();
        var firings = new TreeSet<Integer>();
        for (int h : hours.get()) for (int m : minutes.get()) firings.add(h * 60 + m);
        if (firings.isEmpty()) return Optional.empty();
        int longest = firings.first() + MINUTES_A_DAY - firings.last();   // across midnight
        Integer previous = null;
        for (int at : firings) {
            if (previous != null) longest = Math.max(longest, at - previous);
            previous = at;
        }
        return Optional.of(Duration.ofMinutes(longest));
    }

    static Optional<TreeSet<Integer>> values(String field, int max) {
        var values = new TreeSet<Integer>();
        try {
            for (var item : field.split(",")) {
                var stepped = item.trim().split("/", 2);
                int step = stepped.length == 2 ? Integer.parseInt(stepped[1].trim()) : 1;
                var range = stepped[0].trim();
                int from, to;
                if (range.equals("*")) {
                    from = 0;
                    to = max;
                } else if (range.contains("-")) {
                    var ends = range.split("-", 2);
                    from = Integer.parseInt(ends[0].trim());
                    to = Integer.parseInt(ends[1].trim());
                } else {
                    from = Integer.parseInt(range);
                    to = stepped.length == 2 ? max : from;
                }
                if (step < 1 || from < 0 || to > max || from > to) return Optional.empty();
                for (int v = from; v <= to; v += step) values.add(v);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(values);
    }
}
