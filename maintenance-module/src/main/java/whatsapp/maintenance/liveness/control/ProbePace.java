package whatsapp.maintenance.liveness.control;

import java.time.Duration;

/**
 * How many connected instances the rolling probe takes per tick, so that each is probed once per period, spread
 * evenly over it, and never more than the rate cap allows within the tick. Pure.
 */
public final class ProbePace {

    private ProbePace() {
    }

    /** {@code ceil(connected × tick / period)}, at most {@code perSecond × tick}, at least 0. */
    public static int quota(long connected, Duration tick, Duration period, int perSecond) {
        if (connected <= 0 || tick.isZero() || period.isZero()) return 0;
        long share = (connected * tick.toMillis() + period.toMillis() - 1) / period.toMillis();
        long cap = Math.max(1, perSecond * tick.toSeconds());
        return (int) Math.min(share, cap);
    }
}
