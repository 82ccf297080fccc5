package whatsapp.integrations.events.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import whatsapp.integrations.events.entity.Assignment;
import whatsapp.integrations.events.entity.Unsequenced;

/**
 * Orders a batch of committed events: each gets the next of the sequence values drawn for the batch, in the order
 * given (insert order), and the next version of its integration. Pure: the relay runs it under the cluster-wide lock.
 */
public final class Sequencing {

    private Sequencing() {
    }

    /**
     * @param sequences   values drawn from the PostgreSQL sequence, at least one per event, in any order
     * @param lastVersion the last version given to each integration so far (absent: none yet)
     */
    public static List<Assignment> assign(List<Unsequenced> events, List<Long> sequences, Map<UUID, Long> lastVersion) {
        if (sequences.size() < events.size())
            throw new IllegalArgumentException(events.size() + " events, " + sequences.size() + " sequence values");
        var ascending = sequences.stream().sorted().toList();
        var versions = new HashMap<>(lastVersion);
        var assignments = new ArrayList<Assignment>(events.size());
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            long version = versions.merge(event.integrationId(), 1L, Long::sum);
            long sequence = ascending.get(i);
            assignments.add(new Assignment(event.eventId(), event.integrationId(), sequence, version,
                    EventJson.sequenced(event.payload(), sequence, version)));
        }
        return assignments;
    }

    /** The last version of each integration after the batch: what is stored for the next one. */
    public static Map<UUID, Long> lastVersions(List<Assignment> assignments) {
        var last = new HashMap<UUID, Long>();
        assignments.forEach(a -> last.merge(a.integrationId(), a.version(), Math::max));
        return last;
    }
}
