package whatsapp.simulator.evolution;

import java.time.Duration;
import whatsapp.simulator.ApiVersion;

/** The simulator's adjustable behaviour; read on every call, changed at any time. */
public final class Options {

    private volatile ApiVersion version = ApiVersion.V2;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration removalDelay = Duration.ZERO;
    private volatile Duration qrRotation = DEFAULT_QR_ROTATION;
    private volatile int qrLimit = DEFAULT_QR_LIMIT;

    /** Evolution 2.3.6's {@code qrTimeout}: every code lasts 45 s. */
    public static final Duration DEFAULT_QR_ROTATION = Duration.ofSeconds(45);
    /** Evolution's {@code QRCODE_LIMIT} default: 30 codes are shown, the next QR event gives up. */
    public static final int DEFAULT_QR_LIMIT = 30;

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

    /** How long one QR code lasts before the next one is shown ({@code qrcode.updated}); zero: never rotates. */
    public Duration qrRotation() { return qrRotation; }

    public void qrRotation(Duration value) {
        qrRotation = value == null || value.isNegative() ? Duration.ZERO : value;
    }

    /** {@code QRCODE_LIMIT}: how many codes are shown before Evolution gives up ({@code state: refused}). */
    public int qrLimit() { return qrLimit; }

    public void qrLimit(int value) {
        if (value < 1) throw new IllegalArgumentException("qrLimit must be at least 1");
        qrLimit = value;
    }

    public void reset() {
        qrRotation = DEFAULT_QR_ROTATION;
        qrLimit = DEFAULT_QR_LIMIT;
        version = ApiVersion.V2;
        latency = Duration.ZERO;
        removalDelay = Duration.ZERO;
    }
}
