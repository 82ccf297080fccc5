package whatsapp.maintenance.alerts.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import whatsapp.integrations.api.StatusChange;

/**
 * Reconnect loops: Evolution reconnects at once, with no back-off, on every close code but 401/402/403/406, so a
 * session fought over by two processes (440) or a socket that keeps dropping makes a storm of status changes. More
 * than {@code maxChanges} changes of one instance within the window is flapping; it is stable again once the window
 * holds no change. Pure.
 */
public final class FlapPolicy {

    private FlapPolicy() {
    }

    /** The changes that count: those at or after {@code now - window} ({@code history} also gives the one before). */
    public static List<StatusChange> within(List<StatusChange> history, Duration window, Instant now) {
        var since = now.minus(window);
        return history.stream().filter(change -> !change.at().isBefore(since)).toList();
    }

    public static boolean flapping(List<StatusChange> recent, int maxChanges) {
        return recent.size() > maxChanges;
    }

    /** What was seen, e.g. {@code connected→connecting, connecting→connected, conflict (440)}: transitions and reasons. */
    public static String reasons(List<StatusChange> recent) {
        var seen = new LinkedHashSet<String>();
        for (var change : recent) {
            seen.add(change.from() + "→" + change.to());
            if (change.reason() != null && !change.reason().isBlank()) seen.add(change.reason());
        }
        return String.join(", ", seen);
    }

    /** E.g. "{@code 9 status changes within 10 min (connected→connecting, connecting→connected)}". */
    public static String detail(List<StatusChange> recent, Duration window) {
        var span = window.toMinutes() >= 1 && window.toSecondsPart() == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
        return recent.size() + " status changes within " + span + " (" + reasons(recent) + ")";
    }
}
