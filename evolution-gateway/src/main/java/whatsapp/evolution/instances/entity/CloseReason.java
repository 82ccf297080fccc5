package whatsapp.evolution.instances.entity;

import java.util.Optional;

/**
 * The one table of why a WhatsApp session closed, as the short text of {@code disconnect_reason}: the close code
 * (Baileys' {@code DisconnectReason}, which Evolution passes on) plus what Evolution's stored disconnection document
 * adds. A webhook's {@code statusReason} and a listing's {@code disconnectionReasonCode} go through the same table,
 * so an instance's reason does not depend on who saw the close.
 *
 * <p>Evolution treats 401, 402, 403 and 406 as terminal (no reconnect, a close webhook, the disconnection fields
 * written); every other code makes it reconnect at once. A 401 is either the phone removing the device or a logout
 * through the API; only the stored document tells them apart.
 */
public final class CloseReason {

    /** A 401 whose cause is not known yet: a webhook carries only the code. */
    public static final String LOGGED_OUT = "logged_out (401)";
    /** Evolution gave up showing QR codes to an instance nobody paired ({@code state: refused}). */
    public static final String QR_REFUSED = "qr_refused (428)";
    /** The QR code limit was reached without a scan ({@code qrcode.updated} without a code). */
    public static final String QR_LIMIT_REACHED = "qr_limit_reached";

    private CloseReason() {
    }

    /**
     * @param code   the close code, null or 0 when unknown
     * @param detail Evolution's disconnection document as text (may be null): decides between device removal and logout
     * @return e.g. {@code device_removed (401)}, {@code conflict (440)}; empty when nothing is known
     */
    public static Optional<String> of(Integer code, String detail) {
        var known = code != null && code != 0;
        var suffix = known ? " (" + code + ")" : "";
        var text = detail == null ? "" : detail;
        if (text.contains("device_removed")) return Optional.of("device_removed" + suffix);
        if (text.contains("Log out instance")) return Optional.of("logout" + suffix);
        if (!known) return Optional.empty();
        return Optional.of(name(code) + suffix);
    }

    static String name(int code) {
        return switch (code) {
            case 401 -> "logged_out";
            case 402 -> "temporarily_banned";
            case 403 -> "forbidden";
            case 406 -> "banned";
            case 408 -> "connection_lost";
            case 411 -> "multidevice_mismatch";
            case 428 -> "connection_closed";
            case 440 -> "conflict";
            case 500 -> "bad_session";
            case 503 -> "unavailable_service";
            case 515 -> "restart_required";
            default -> "closed";
        };
    }
}
