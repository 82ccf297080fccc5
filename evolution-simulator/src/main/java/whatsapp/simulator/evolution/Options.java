package whatsapp.simulator.evolution;

import java.time.Duration;
import whatsapp.simulator.ApiVersion;

/** The simulator's adjustable behaviour; read on every call, changed at any time. */
public final class Options {

    private volatile ApiVersion version = ApiVersion.V2;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration removalDelay = Duration.ZERO;

    public ApiVersion version() { return version; }

    public void version(ApiVersion value) { version = value; }

    /** Added to every call of an Evolution route. */
    public Duration latency() { return latency; }

    public void latency(Duration value) { latency = value == null || value.isNegative() ? Duration.ZERO : value; }

    /**
     * How long a deleted row stays after its {@code remove.instance} delivery attempt. Zero (the default):
     * the row is gone when the delete is answered; otherwise the name stays taken a while, as in Evolution.
     */
    public Duration removalDelay() { return removalDelay; }

    public void removalDelay(Duration value) {
        removalDelay = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    public void reset() {
        version = ApiVersion.V2;
        latency = Duration.ZERO;
        removalDelay = Duration.ZERO;
    }
}
