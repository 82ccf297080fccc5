package whatsapp.integrations.events.control;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.events.entity.Sequenced;

/**
 * Which routing-cache entries the relay rewrites while publishing a batch. A row being deleted must never get its
 * entry back: no refresh for a removal or an event saying {@code deleting}, none for an integration whose row is gone
 * or deleting now (a late status change relayed after the deletion), none for one that is removed in this very batch,
 * and at most one per integration. Pure: the relay reads the rows in the batch's transaction.
 */
public final class RelayPlan {

    final Map<UUID, IntegrationRef> refreshes = new LinkedHashMap<>();

    RelayPlan() {
    }

    /** @param rows the integrations' rows as they are now; an absent id has been deleted */
    public static RelayPlan of(List<Sequenced> batch, Map<UUID, IntegrationRef> rows) {
        var plan = new RelayPlan();
        Set<UUID> removedHere = new HashSet<>();
        batch.stream().filter(Sequenced::removal).forEach(e -> removedHere.add(e.integrationId()));
        for (var event : batch) {
            var row = rows.get(event.integrationId());
            boolean refresh = !event.removal() && !Status.deleting.name().equals(event.status())
                    && row != null && row.status() != Status.deleting && !removedHere.contains(event.integrationId());
            if (refresh) plan.refreshes.putIfAbsent(event.integrationId(), row);
        }
        return plan;
    }

    /**
     * The entry to rewrite just before this event is published: the row, for the first event of the integration in
     * the batch that may refresh it.
     */
    public Optional<IntegrationRef> refreshBefore(Sequenced event) {
        return Optional.ofNullable(refreshes.remove(event.integrationId()));
    }

    public Set<UUID> toRefresh() {
        return Set.copyOf(refreshes.keySet());
    }
}
