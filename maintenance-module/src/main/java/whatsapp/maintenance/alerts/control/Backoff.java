package whatsapp.maintenance.alerts.control;

import java.time.Duration;

/** How long a failed delivery waits before the next try: doubling from {@code first}, never beyond {@code max}. Pure. */
public record Backoff(Duration first, Duration max) {

    /** @param attempts failed attempts so far, at least 1 */
    public Duration after(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        var wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
