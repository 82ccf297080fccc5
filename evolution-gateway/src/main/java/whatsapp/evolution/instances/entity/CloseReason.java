package whatsapp.evolution.instances.entity;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import whatsapp.integrations.api.Status;

/**
 * The one table of why a WhatsApp session closed, as the short text of {@code disconnect_reason}: the close code
 * (Baileys' {@code DisconnectReason}, which Evolution passes on) plus what Evolution's stored disconnection document
 * adds. A webhook's {@code statusReason} and a listing's {@code disconnectionReasonCode} go through the same table,
 * so an instance's reason does not depend on who saw the close.
 *
 * <p>Evolution treats 401, 402, 403 and 406 as terminal (no reconnect, a close webhook, the disconnection fields
 * written); every other code makes it reconnect at once. A 401 is either the phone removing the device or a logout
 * through the API; only the stored document tells them apart.
 *
 * <p>The same table says, in plain words, whether the instance can send ({@link #sending}): the {@code can_send}
 * signal of the API, the status report, the history, the alerts and the console. {@code restricted} marks the closes
 * WhatsApp or the phone imposed (401 by any origin, 402, 403, 406): no reconnect or restart brings them back, a human
 * must act.
 */
public final class CloseReason {

    /** A 401 whose cause is not known yet: a webhook carries only the code. */
    public static final String LOGGED_OUT = "logged_out (401)";
    /** Evolution gave up showing QR codes to an instance nobody paired ({@code state: refused}). */
    public static final String QR_REFUSED = "qr_refused (428)";
    /** The QR code limit was reached without a scan ({@code qrcode.updated} without a code). */
    public static final String QR_LIMIT_REACHED = "qr_limit_reached";

    /**
     * One row of the table.
     *
     * @param name       the reason's short text without its code ({@code device_removed})
     * @param code       the close code it comes with; null for none
     * @param restricted WhatsApp or the phone ended the session: only a human brings it back
     * @param plain      why the instance cannot send, in plain words
     */
    public record Entry(String name, Integer code, boolean restricted, String plain) {
    }

    /**
     * Whether an instance can send now, and why not.
     *
     * @param canSend    true only for a connected instance
     * @param restricted a ban or a removal (see {@link Entry#restricted()}); false while it may come back by itself
     * @param reason     why it cannot send, in plain words; null when it can
     */
    public record Sending(boolean canSend, boolean restricted, String reason) {

        public static final Sending CAN = new Sending(true, false, null);

        static Sending cannot(boolean restricted, String reason) {
            return new Sending(false, restricted, reason);
        }
    }

    /**
     * The table. For a code several rows share (401, 428), the first is what the bare code means
     * ({@link #name(int)}); the others are told apart by Evolution's disconnection document or by who saw the close.
     */
    static final List<Entry> TABLE = List.of(
            new Entry("logged_out", 401, true, "logged out: scan a new QR code"),
            new Entry("device_removed", 401, true, "removed from the phone: scan a new QR code"),
            new Entry("logout", 401, true, "logged out through the API: scan a new QR code"),
            new Entry("temporarily_banned", 402, true, "temporarily banned by WhatsApp"),
            new Entry("forbidden", 403, true, "blocked by WhatsApp: contact WhatsApp, then scan a new QR code"),
            new Entry("banned", 406, true, "banned by WhatsApp"),
            new Entry("connection_lost", 408, false, "reconnecting: the connection was lost"),
            new Entry("multidevice_mismatch", 411, false, "reconnecting: multi-device mismatch"),
            new Entry("connection_closed", 428, false, "reconnecting: the connection was closed"),
            new Entry("qr_refused", 428, false, "not paired: nobody scanned the QR code in time, show a new one"),
            new Entry("qr_limit_reached", null, false, "not paired: nobody scanned the QR code in time, show a new one"),
            new Entry("conflict", 440, false, "opened elsewhere: the session is online on another device, remove it there"),
            new Entry("bad_session", 500, false, "reconnecting: bad session"),
            new Entry("unavailable_service", 503, false, "reconnecting: WhatsApp is unavailable"),
            new Entry("restart_required", 515, false, "reconnecting: restart required"));

    static final Pattern CODE = Pattern.compile("\\((\\d{3})\\)\\s*$");

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
        return TABLE.stream().filter(entry -> entry.code() != null && entry.code() == code).findFirst()
                .map(Entry::name).orElse("closed");
    }

    /**
     * The row a recorded {@code disconnect_reason} reads as: by its name ({@code device_removed (401)}), else by the
     * code in its parentheses ({@code session ended by WhatsApp (401)} reads as a 401). Empty for anything else
     * ({@code closed (999)}, {@code missing from Evolution}, null).
     */
    public static Optional<Entry> entry(String disconnectReason) {
        if (disconnectReason == null || disconnectReason.isBlank()) return Optional.empty();
        var text = disconnectReason.strip();
        var cut = text.indexOf(" (");
        var name = cut < 0 ? text : text.substring(0, cut);
        var named = TABLE.stream().filter(entry -> entry.name().equals(name)).findFirst();
        if (named.isPresent()) return named;
        var code = CODE.matcher(text);
        if (!code.find()) return Optional.empty();
        int number = Integer.parseInt(code.group(1));
        return TABLE.stream().filter(entry -> entry.code() != null && entry.code() == number).findFirst();
    }

    /** A close WhatsApp or the phone imposed (401, 402, 403, 406): never undone by a reconnect or a restart. */
    public static boolean restricted(String disconnectReason) {
        return entry(disconnectReason).map(Entry::restricted).orElse(false);
    }

    /**
     * Whether an instance with this status and recorded reason can send, and why not, in plain words: {@code connected}
     * can; {@code disconnected} cannot, for the reason's row ({@code restricted} for a ban or a removal); the other
     * statuses cannot, for their own reason ({@code connecting} is reconnecting by itself, {@code pending} waits for its
     * first QR scan).
     */
    public static Sending sending(Status status, String disconnectReason) {
        if (status == null) return Sending.cannot(false, "unknown");
        return switch (status) {
            case connected -> Sending.CAN;
            case connecting -> Sending.cannot(false, "reconnecting: waiting for WhatsApp");
            case pending -> Sending.cannot(false, "not paired yet: scan the QR code");
            case missing -> Sending.cannot(false, "gone from Evolution: create the integration again");
            case deleting -> Sending.cannot(false, "being deleted");
            case disconnected -> entry(disconnectReason)
                    .map(entry -> Sending.cannot(entry.restricted(), entry.plain()))
                    .orElseGet(() -> Sending.cannot(false, disconnectReason == null || disconnectReason.isBlank()
                            ? "disconnected" : "disconnected: " + disconnectReason));
        };
    }
}
