package whatsapp.maintenance.alerts.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.alerts.entity.AlertState;
import whatsapp.maintenance.alerts.entity.Notice;
import whatsapp.maintenance.alerts.entity.Unresolved;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.web.json.JsonContract;

/**
 * Which alerts are raised or repeated, and what their notices say. Alerts are about states, not about who noticed
 * them: one unresolved alert per instance (or shared number) at most, a new one at most once per cooldown window,
 * reminders of an open one once per cooldown window, never of an acknowledged one. More notices than the group
 * threshold at once make a single grouped message, never a storm. Pure.
 */
public final class AlertPolicy {

    public static final String GROUP = "instances.attention_needed";
    public static final String RECOVERED = "instances.recovered";

    private AlertPolicy() {
    }

    /**
     * What to do about the subjects worth an alert now. A subject with an unresolved alert gets no second one; when
     * {@code reminders} is set (a sweep), an open alert last noticed a cooldown ago or more is repeated, an
     * acknowledged one never. A subject without one is raised unless its last alert was raised within the cooldown
     * (a flapping instance is not alerted at every drop; once the cooldown is over, the next sweep raises it).
     *
     * @param lastRaised when each subject's newest alert was raised
     */
    public static Decision decide(List<Subject> candidates, Map<String, Unresolved> unresolved,
                                  Map<String, Instant> lastRaised, Duration cooldown, Instant now, boolean reminders) {
        var seen = new HashSet<String>();
        var raise = new ArrayList<Subject>();
        var remind = new ArrayList<UUID>();
        for (var subject : candidates) {
            var key = subject.key();
            if (!seen.add(key)) continue;
            var open = unresolved.get(key);
            if (open != null) {
                if (reminders && open.state() == AlertState.open && !open.lastNoticeAt().plus(cooldown).isAfter(now))
                    remind.add(open.id());
                continue;
            }
            var last = lastRaised.get(key);
            if (last == null || !last.plus(cooldown).isAfter(now)) raise.add(subject);
        }
        return new Decision(List.copyOf(raise), List.copyOf(remind));
    }

    /** @param raise new alerts; @param remind open alerts to repeat */
    public record Decision(List<Subject> raise, List<UUID> remind) {
    }

    /** One POST per notice, or a single grouped one when a delivery has more than {@code groupThreshold} at once. */
    public static List<List<Notice>> batches(List<Notice> due, int groupThreshold) {
        if (due.isEmpty()) return List.of();
        if (due.size() > groupThreshold) return List.of(due);
        return due.stream().map(List::of).toList();
    }

    /**
     * The JSON POSTed for one batch: one notice is the alert's own JSON plus {@code alert_id} (the same on every
     * retry and every notice of the alert), {@code notice_id} (the same on every retry of this notice), {@code notice}
     * and {@code state}; several make one {@code instances.attention_needed} (or, all resolved,
     * {@code instances.recovered}) listing them.
     */
    public static JsonObject delivery(List<Notice> batch, Instant now) {
        if (batch.size() == 1) return notice(batch.get(0)).build();
        var alerts = JSON.createArrayBuilder();
        boolean recovered = batch.stream().allMatch(n -> Notice.RESOLVED.equals(n.kind()));
        batch.forEach(n -> alerts.add(notice(n)));
        return JSON.createObjectBuilder()
                .add("type", recovered ? RECOVERED : GROUP)
                .add("count", batch.size())
                .add("detail", batch.size() + (recovered ? " alerts resolved at once" : " alerts about WhatsApp instances at once")
                        + "; one message for all of them (see alerts)")
                .add("alerts", alerts)
                .add("occurred_at", JsonContract.Millis.FORMAT.format(now))
                .build();
    }

    static JsonObjectBuilder notice(Notice notice) {
        var json = JSON.createObjectBuilder(JSON.createReader(new StringReader(notice.body())).readObject())
                .add("alert_id", notice.alertId().toString())
                .add("notice_id", notice.id().toString())
                .add("notice", notice.kind())
                .add("state", notice.state().name());
        if (Notice.RESOLVED.equals(notice.kind())) {
            if (notice.resolvedAt() != null) json.add("resolved_at", JsonContract.Millis.FORMAT.format(notice.resolvedAt()));
            json.add("resolution", notice.resolution() == null ? "resolved" : notice.resolution());
        }
        return json;
    }

    /** The alert's JSON as raised: what every notice of it repeats. */
    public static JsonObject body(Subject subject, Instant raisedAt) {
        return body(subject, raisedAt, null);
    }

    /** @param pairingUrl where the clinic's staff start pairing again ({@code pairing_url}); null: not added */
    public static JsonObject body(Subject subject, Instant raisedAt, String pairingUrl) {
        var json = single(subject, raisedAt);
        if (pairingUrl != null) json.add("pairing_url", pairingUrl);
        return json.build();
    }

    /** {@code template} with {@code {integration_id}} and {@code {organization_id}} filled in, each URL-encoded. */
    public static String pairingUrl(String template, String integrationId, String organizationId) {
        return template.replace("{integration_id}", java.net.URLEncoder.encode(integrationId, java.nio.charset.StandardCharsets.UTF_8))
                .replace("{organization_id}", java.net.URLEncoder.encode(organizationId, java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonObjectBuilder single(Subject subject, Instant now) {
        if (Subject.DUPLICATE_NUMBER.equals(subject.kind()))
            return duplicate(subject.detail(), subject.instanceNames(), null).add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        var json = JSON.createObjectBuilder().add("type", subject.kind());
        var name = subject.instanceNames().get(0);
        if (Subject.FLAPPING.equals(subject.kind())) {
            return json.add("instance_name", name)
                    .add("organization_id", subject.organizationId())
                    .add("reason", "flapping: " + subject.detail())
                    .add("needs_repairing", false)
                    .add("detail", "WhatsApp instance " + name + " keeps reconnecting: " + subject.detail() + ". Look for "
                            + "a second Evolution process on the same database and client name (440 conflict loops). Alerts "
                            + "about each change and the auto-heal are held until it is stable")
                    .add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        }
        if (Subject.WEBHOOK_DRIFT.equals(subject.kind())) {
            return json.add("instance_name", name)
                    .add("organization_id", subject.organizationId())
                    .add("reason", "webhook drift: " + subject.detail())
                    .add("needs_repairing", false)
                    .add("detail", "Evolution's webhook settings of WhatsApp instance " + name + " are not ours ("
                            + subject.detail() + "): its events do not reach this service. Setting ours again is retried")
                    .add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        }
        if (Subject.RECREATED.equals(subject.kind())) {
            return json.add("instance_name", name)
                    .add("organization_id", subject.organizationId())
                    .add("reason", "recreated: " + subject.detail())
                    .add("needs_repairing", false)
                    .add("detail", "WhatsApp instance " + name + " was deleted and created again outside this service "
                            + "(Evolution id " + subject.detail() + "); its webhook and secret are set again. Find out who "
                            + "did it: a second tool or person managing this Evolution")
                    .add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        }
        if (Subject.ZOMBIE.equals(subject.kind())) {
            json.add("instance_name", name)
                    .add("organization_id", subject.organizationId())
                    .add("reason", "zombie: " + subject.detail())
                    .add("needs_repairing", false)
                    .add("detail", "WhatsApp instance " + name + " is connected in Evolution's eyes but does not answer "
                            + "(the liveness probe got " + subject.detail() + "); nothing arrives or leaves through it. "
                            + "The auto-heal restarts it");
            if (subject.since() != null) json.add("since", JsonContract.Millis.FORMAT.format(subject.since()));
            return json.add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        }
        boolean stuck = Subject.REPAIR_NEEDED.equals(subject.kind());
        boolean repair = stuck || needsRepairing(subject.detail());
        // can_send and its plain reason come from the one reason table (CloseReason), as in the API and the history
        var sending = CloseReason.sending(Status.disconnected, subject.detail());
        json.add("instance_name", name)
                .add("organization_id", subject.organizationId())
                .add("reason", subject.detail() == null ? "unknown" : subject.detail())
                .add("needs_repairing", repair)
                .add("can_send", false)
                .add("cannot_send_reason", sending.reason())
                .add("restricted", sending.restricted())
                .add("detail", "WhatsApp instance " + name + " cannot send: " + sending.reason() + ". It is "
                        + (stuck ? "stuck connecting" : "disconnected")
                        + (subject.detail() == null ? "" : " (" + subject.detail() + ")")
                        + (repair ? "; the phone must scan a new QR code to pair it again"
                        : sending.restricted() ? "; Evolution will not reconnect it"
                        : "; Evolution may reconnect it, the next sweeps will tell"));
        if (subject.since() != null) json.add("since", JsonContract.Millis.FORMAT.format(subject.since()));
        return json.add("occurred_at", JsonContract.Millis.FORMAT.format(now));
    }

    /** @param kept null: not named (a sweep's alert) */
    static JsonObjectBuilder duplicate(String phoneNumber, List<String> instances, List<String> kept) {
        var json = JSON.createObjectBuilder()
                .add("type", Subject.DUPLICATE_NUMBER)
                .add("phone_number", phoneNumber)
                .add("instances", JSON.createArrayBuilder(instances));
        if (kept != null) json.add("kept", JSON.createArrayBuilder(kept));
        return json.add("detail", "WhatsApp number " + phoneNumber + " is paired with " + instances.size()
                + " instances; WhatsApp will keep removing the device from all but one");
    }

    /**
     * A disconnection WhatsApp will not undo by itself, alerted the moment it is recorded: removed from the phone or
     * logged out (401), banned for a while or for good (402, 403, 406). Evolution reconnects every other code.
     */
    public static boolean endsTheSession(String reason) {
        return CloseReason.restricted(reason);
    }

    /** A reason such as {@code device_removed (401)} or {@code banned (403)}: only a new QR scan helps. */
    public static boolean needsRepairing(String reason) {
        return reason != null && reason.matches(".*\\b(401|403)\\b.*");
    }
}
