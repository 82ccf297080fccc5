package whatsapp.integrations.status.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.StatusChange;

/**
 * Which rows a batch of observations changes, and which of those changes are status changes (history, events).
 * The latest observation of a name wins; a row whose status changed, or was seen to hold, after the observation was
 * made is left alone (and named {@code stale});
 * an observation that changes nothing writes nothing. Pure.
 */
public record Recording(List<StatusRows.Update> updates, List<StatusChange> changes, List<String> stale) {

    public Recording(List<StatusRows.Update> updates, List<StatusChange> changes) {
        this(updates, changes, List.of());
    }

    /** The names observed, latest observation of each, in first-seen order. */
    public static Map<String, Observation> latest(List<Observation> observations) {
        Map<String, Observation> latest = new LinkedHashMap<>();
        observations.forEach(seen -> latest.put(seen.instanceName(), seen));
        return latest;
    }

    public static Recording plan(Map<String, Observation> latest, Map<String, StatusRows.Row> rows, Source source) {
        var updates = new ArrayList<StatusRows.Update>();
        var changes = new ArrayList<StatusChange>();
        var stale = new ArrayList<String>();
        for (var seen : latest.values()) {
            var row = rows.get(seen.instanceName());
            if (row == null) continue;
            if (row.newerThan(seen.observedAt())) {
                stale.add(seen.instanceName());
                continue;
            }
            var next = Transition.of(row.state(), seen);
            if (next.equals(row.state())) continue;
            updates.add(new StatusRows.Update(row.id(), next, seen.observedAt()));
            if (next.statusDiffers(row.state())) {
                changes.add(new StatusChange(seen.instanceName(), row.organizationId(), row.id(), row.state().status(),
                        next.status(), next.disconnectReason(), seen.observedAt(), source));
            }
        }
        return new Recording(List.copyOf(updates), List.copyOf(changes), List.copyOf(stale));
    }
}
