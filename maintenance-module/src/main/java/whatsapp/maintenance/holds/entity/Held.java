package whatsapp.maintenance.holds.entity;

import java.util.Set;

/**
 * The Evolution servers a maintenance window holds now: their instances raise no alert and get no auto-heal restart.
 *
 * @param all     a window without servers is on: every server is held
 * @param servers the servers named by the windows on now (meaningless when {@code all})
 */
public record Held(boolean all, Set<String> servers) {

    public static final Held NOTHING = new Held(false, Set.of());

    public Held {
        servers = Set.copyOf(servers);
    }

    public boolean any() {
        return all || !servers.isEmpty();
    }

    public boolean holds(String server) {
        return all || server != null && servers.contains(server);
    }
}
