package whatsapp.maintenance.heal.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.heal.entity.InstanceState;

/**
 * Which instances the auto-heal restarts. Stuck: {@code connecting} for longer than the threshold, by our
 * record and by Evolution's listing alike, and paired before (a never-paired instance waiting for its QR to
 * be scanned is not stuck, and a restart would not pair it). A restart cannot help after WhatsApp ended the
 * session with 401 or 403 (credentials gone: a new QR scan is needed): such an instance is reported instead.
 * Pure.
 */
public final class HealPolicy {

    /** WhatsApp ended the session with these close codes: only a new QR scan brings it back. */
    public static final Set<Integer> REPAIR_CODES = Set.of(401, 403);

    public enum Verdict { NOT_STUCK, RESTART, REPAIR_NEEDED }

    private HealPolicy() {
    }

    public static Verdict judge(InstanceState state, Duration threshold, Instant now) {
        if (state.status() != Status.connecting) return Verdict.NOT_STUCK;
        var listed = state.listed();
        if (listed == null || listed.connectionStatus() != ConnectionState.connecting) return Verdict.NOT_STUCK;
        if (state.statusChangedAt() == null || state.statusChangedAt().plus(threshold).isAfter(now)) return Verdict.NOT_STUCK;
        if (state.connectedAt() == null && state.phoneNumber() == null) return Verdict.NOT_STUCK;
        return sessionEnded(state) ? Verdict.REPAIR_NEEDED : Verdict.RESTART;
    }

    /**
     * Evolution never clears an instance's disconnection fields once written (they survive reconnects): a 401/403
     * counts only when it is not older than the last time the instance was connected.
     */
    static boolean sessionEnded(InstanceState state) {
        var listed = state.listed();
        var code = listed.disconnectionReasonCode();
        if (code == null || !REPAIR_CODES.contains(code)) return false;
        return state.connectedAt() == null || listed.disconnectionAt() == null
                || !listed.disconnectionAt().isBefore(state.connectedAt());
    }

    /** Why a restart cannot help an instance judged {@link Verdict#REPAIR_NEEDED}, e.g. {@code session ended by WhatsApp (401)}. */
    public static String sessionEndedReason(InstanceState state) {
        return "session ended by WhatsApp (" + state.listed().disconnectionReasonCode() + ")";
    }
}
