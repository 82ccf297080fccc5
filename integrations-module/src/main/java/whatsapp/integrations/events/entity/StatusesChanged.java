package whatsapp.integrations.events.entity;

import java.util.List;
import whatsapp.integrations.api.StatusChange;

/** Fired when a transaction recorded status changes; observed once it committed (the routing cache refreshes). */
public record StatusesChanged(List<StatusChange> changes) {

    public StatusesChanged {
        changes = List.copyOf(changes);
    }
}
