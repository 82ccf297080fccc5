package whatsapp.maintenance.fleethealth.control;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import whatsapp.maintenance.fleethealth.entity.InstanceState;
import whatsapp.maintenance.orphans.entity.DuplicateNumber;
import whatsapp.web.json.JsonContract;

/**
 * Which alerts a sweep sends. Alerts are about states, not about who noticed them: an instance found
 * {@code disconnected} (by this sweep or by a webhook since the last one) is alerted once per disconnection,
 * and at most once per instance per cooldown window, whatever the kind. More due alerts than the group
 * threshold in one sweep make a single grouped alert, never a storm. Pure.
 */
public final class AlertPolicy {

    public static final String DISCONNECTED = "instance.disconnected";
    public static final String REPAIR_NEEDED = "instance.repair_needed";
    public static final String DUPLICATE_NUMBER = "instance.duplicate_number";
    public static final String GROUP = "instances.attention_needed";

    private AlertPolicy() {
    }

    /**
     * Something worth a human's attention.
     *
     * @param detail the disconnect reason, or the phone number of a duplicate
     * @param since  when the state began (an alert sent after it already covered it); null: no episode
     */
    public record Subject(String kind, List<String> instanceNames, String organizationId, String detail, Instant since) {

        public Subject {
            instanceNames = List.copyOf(instanceNames);
        }

        public static Subject disconnected(InstanceState state) {
            return new Subject(DISCONNECTED, List.of(state.instanceName()), state.organizationId(), state.disconnectReason(),
                    state.statusChangedAt());
        }

        /** Stuck connecting after WhatsApp ended the session with 401/403: the auto-heal will not restart it. */
        public static Subject repairNeeded(InstanceState state, String reason) {
            return new Subject(REPAIR_NEEDED, List.of(state.instanceName()), state.organizationId(), reason,
                    state.statusChangedAt());
        }

        public static Subject duplicate(DuplicateNumber duplicate) {
            return new Subject(DUPLICATE_NUMBER, duplicate.instances(), null, duplicate.phoneNumber(), null);
        }
    }

    /**
     * The subjects to alert now, in order: none of its instances alerted within the cooldown, nor since its
     * state began, nor already named by an earlier subject of this sweep.
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

    /** The JSON POSTed to ALERT_WEBHOOK_URL for one batch. */
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

    static JsonObjectBuilder single(Subject subject, Instant now) {
        var json = JSON.createObjectBuilder().add("type", subject.kind());
        if (DUPLICATE_NUMBER.equals(subject.kind())) {
            json.add("phone_number", subject.detail())
                    .add("instances", JSON.createArrayBuilder(subject.instanceNames()))
                    .add("detail", "WhatsApp number " + subject.detail() + " is paired with " + subject.instanceNames().size()
                            + " instances; WhatsApp will keep removing the device from all but one");
        } else {
            var name = subject.instanceNames().get(0);
            boolean repair = REPAIR_NEEDED.equals(subject.kind()) || HealPolicy.needsRepairing(subject.detail());
            json.add("instance_name", name)
                    .add("organization_id", subject.organizationId())
                    .add("reason", subject.detail() == null ? "unknown" : subject.detail())
                    .add("needs_repairing", repair)
                    .add("detail", "WhatsApp instance " + name + " is "
                            + (REPAIR_NEEDED.equals(subject.kind()) ? "stuck connecting" : "disconnected")
                            + (subject.detail() == null ? "" : " (" + subject.detail() + ")")
                            + (repair ? "; the phone must scan a new QR code to pair it again"
                            : "; Evolution may reconnect it, the next sweeps will tell"));
            if (subject.since() != null) json.add("since", JsonContract.Millis.FORMAT.format(subject.since()));
        }
        return json.add("occurred_at", JsonContract.Millis.FORMAT.format(now));
    }
}
