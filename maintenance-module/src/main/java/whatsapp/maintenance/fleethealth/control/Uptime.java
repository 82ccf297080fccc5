package whatsapp.maintenance.fleethealth.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

/**
 * Share of a window an instance spent {@code connected}, from its status changes. The window starts in the state
 * the last change before it left; before the first change ever the instance counts as not connected. Pure.
 */
public final class Uptime {

    public static final Duration DAY = Duration.ofHours(24);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration MONTH = Duration.ofDays(30);

    private Uptime() {
    }

    /** @return percent in [0, 100], two decimals; 0 for an empty window */
    public static double percent(List<StatusChange> changes, Instant from, Instant to) {
        long window = Duration.between(from, to).toMillis();
        if (window <= 0) return 0;
        var ordered = changes.stream().sorted(Comparator.comparing(StatusChange::at)).toList();
        boolean connected = false;
        Instant cursor = from;
        long connectedMillis = 0;
        for (var change : ordered) {
            if (!change.at().isAfter(from)) {
                connected = change.to() == Status.connected;
                continue;
            }
            if (!change.at().isBefore(to)) break;
            if (connected) connectedMillis += Duration.between(cursor, change.at()).toMillis();
            cursor = change.at();
            connected = change.to() == Status.connected;
        }
        if (connected) connectedMillis += Duration.between(cursor, to).toMillis();
        return Math.round(connectedMillis * 10_000.0 / window) / 100.0;
    }
}
