package whatsapp.maintenance.fleethealth.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /maintenance/fleet/connected-share}: the connected share of the watched fleet, hour by hour, from the
 * health sweeps recorded in that hour.
 */
public record ConnectedShare(int hours, List<Point> points) {

    /**
     * @param at        the hour's start
     * @param connected connected instances, added up over the hour's sweeps
     * @param total     watched instances, added up over the same sweeps
     * @param share     connected / total (1.0 for an empty fleet)
     */
    @JsonbPropertyOrder({"at", "connected", "total", "share"})
    public record Point(Instant at, long connected, long total, double share) {

        public static Point of(Instant at, long connected, long total) {
            return new Point(at, connected, total, total == 0 ? 1.0 : Math.round(10_000.0 * connected / total) / 10_000.0);
        }
    }
}
