package whatsapp.maintenance.windows.entity;

import whatsapp.integrations.api.Status;

/**
 * One of our instances as a maintenance window's snapshot (or its end) saw it on its Evolution server.
 *
 * @param instanceId Evolution's id (new on every create); null: not listed
 * @param status     the listed state in our words; null: the server did not list it (absent)
 */
public record Seen(String instanceName, String server, String instanceId, Status status) {

    public boolean present() {
        return status != null;
    }
}
