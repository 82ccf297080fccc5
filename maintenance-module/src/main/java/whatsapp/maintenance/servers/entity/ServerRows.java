package whatsapp.maintenance.servers.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.heal.entity.InstanceState;

/** The watched rows by Evolution server, and what the servers' listings make of them. */
public final class ServerRows {

    final List<IntegrationSummary> rows;
    final Map<String, String> serverOf = new HashMap<>();

    ServerRows(List<IntegrationSummary> rows) {
        this.rows = List.copyOf(rows);
        for (var row : rows) serverOf.put(row.instanceName(), row.evolutionServer());
    }

    public static ServerRows of(List<IntegrationSummary> rows) {
        return new ServerRows(rows);
    }

    /** Every server a row names. */
    public Set<String> names() {
        var names = new LinkedHashSet<String>();
        for (var row : rows) names.add(row.evolutionServer());
        return names;
    }

    static Set<String> listedServers(List<ServerListing> listings) {
        var listed = new java.util.HashSet<String>();
        for (var listing : listings) if (listing.listed()) listed.add(listing.server());
        return listed;
    }

    /** The rows of servers that listed: the ones a comparison may change. */
    public List<IntegrationSummary> comparable(List<ServerListing> listings) {
        var listed = listedServers(listings);
        return rows.stream().filter(row -> listed.contains(row.evolutionServer())).toList();
    }

    /** The rows of servers that did not list (unreachable, not configured): left as they are. */
    public List<IntegrationSummary> unlisted(List<ServerListing> listings) {
        var listed = listedServers(listings);
        return rows.stream().filter(row -> !listed.contains(row.evolutionServer())).toList();
    }

    /**
     * Every listed instance of the fleet, except one listed on a server other than its row's (the same name on two
     * servers: only its own server's copy speaks for the row).
     */
    public List<EvolutionInstance> instances(List<ServerListing> listings) {
        var all = new ArrayList<EvolutionInstance>();
        for (var listing : listings)
            for (var instance : listing.instances()) {
                var home = serverOf.get(instance.name());
                if (home == null || home.equals(listing.server())) all.add(instance);
            }
        return all;
    }

    /** Each server's part of a sweep: its rows, those connected after it (or as they were, when not listed). */
    public List<ServerSweep> summary(List<ServerListing> listings, List<InstanceState> after) {
        var statusAfter = new HashMap<String, Status>();
        for (var state : after) statusAfter.put(state.instanceName(), state.status());
        var parts = new ArrayList<ServerSweep>();
        for (var listing : listings) {
            int instances = 0;
            int healthy = 0;
            for (var row : rows) {
                if (!row.evolutionServer().equals(listing.server())) continue;
                instances++;
                if (statusAfter.getOrDefault(row.instanceName(), row.status()) == Status.connected) healthy++;
            }
            parts.add(new ServerSweep(listing.server(), listing.listed(), listing.configured(), instances, healthy,
                    listing.seconds(), listing.failure()));
        }
        return parts;
    }
}
