package whatsapp.maintenance.alerts.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.web.json.JsonContract;

/**
 * Which alerts go out, and what they say. Alerts are about states, not about who noticed them: an instance found
 * {@code disconnected} (by this sweep or by a webhook since the last one) is alerted once per disconnection,
 * and at most once per instance per cooldown window, whatever the kind. More due alerts than the group
 * threshold at once make a single grouped alert, never a storm. Pure.
 */
public final class AlertPolicy {

    public static final String GROUP = "instances.attention_needed";

    private AlertPolicy() {
    }

    /**
     * The subjects to alert now, in order: none of its instances alerted within the cooldown, nor since its
     * state began, nor already named by an earlier subject of this batch.
     *
     * @param lastSent when each instance was last named in an alert
     */
    public static List<Subject> due(List<Subject> candidates, Map<String, Instant> lastSent, Duration cooldown, Instant now) {
        var named = new HashSet<String>();
        var due = new ArrayList<Subject>();
        for (var subject : candidates) {
            if (!subject.instanceNames().stream().allMatch(name -> !named.contains(name)
                    && quiet(lastSent.get(name), subject.since(), cooldown, now))) continue;
            named.addAll(subject.instanceNames());
            due.add(subject);
        }
        return due;
    }

    static boolean quiet(Instant last, Instant since, Duration cooldown, Instant now) {
        if (last == null) return true;
        if (last.plus(cooldown).isAfter(now)) return false;
        return since == null || last.isBefore(since);
    }

    /** One alert per subject, or a single grouped one when there are more than {@code groupThreshold}. */
    public static List<List<Subject>> batches(List<Subject> due, int groupThreshold) {
        if (due.isEmpty()) return List.of();
        if (due.size() > groupThreshold) return List.of(due);
        return due.stream().map(List::of).toList();
    }

    /** The JSON POSTed to the alert webhook for one batch. */
    public static JsonObject message(List<Subject> batch, Instant now) {
        if (batch.size() == 1) return single(batch.get(0), now).build();
        var alerts = JSON.createArrayBuilder();
        int instances = 0;
        for (var subject : batch) {
            alerts.add(single(subject, now));
            instances += subject.instanceNames().size();
        }
        return JSON.createObjectBuilder()
                .add("type", GROUP)
                .add("count", batch.size())
                .add("detail", batch.size() + " problems with " + instances + " WhatsApp instances at once; "
                        + "one alert for all of them (see alerts)")
                .add("alerts", alerts)
                .add("occurred_at", JsonContract.Millis.FORMAT.format(now))
                .build();
    }

    /**
     * A cleanup's alert about a number paired with several instances, sent at once (no cooldown: a cleanup runs
     * hourly); {@code kept} names the instances an integration uses.
     */
    public static JsonObject duplicateNumber(String phoneNumber, List<String> instances, List<String> kept, Instant at) {
        return duplicate(phoneNumber, instances, kept).add("occurred_at", JsonContract.Millis.FORMAT.format(at)).build();
    }

    static JsonObjectBuilder single(Subject subject, Instant now) {
        if (Subject.DUPLICATE_NUMBER.equals(subject.kind()))
            return duplicate(subject.detail(), subject.instanceNames(), null).add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        var json = JSON.createObjectBuilder().add("type", subject.kind());
        var name = subject.instanceNames().get(0);
        boolean stuck = Subject.REPAIR_NEEDED.equals(subject.kind());
        boolean repair = stuck || needsRepairing(subject.detail());
        json.add("instance_name", name)
                .add("organization_id", subject.organizationId())
                .add("reason", subject.detail() == null ? "unknown" : subject.detail())
                .add("needs_repairing", repair)
                .add("detail", "WhatsApp instance " + name + " is " + (stuck ? "stuck connecting" : "disconnected")
                        + (subject.detail() == null ? "" : " (" + subject.detail() + ")")
                        + (repair ? "; the phone must scan a new QR code to pair it again"
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

    /** A reason such as {@code device_removed (401)} or {@code banned (403)}: only a new QR scan helps. */
    public static boolean needsRepairing(String reason) {
        return reason != null && reason.matches(".*\\b(401|403)\\b.*");
    }
}
