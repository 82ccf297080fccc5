package whatsapp.maintenance.servers.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import whatsapp.maintenance.servers.entity.ServerListing;

/**
 * Two Evolution servers that list the same instance id (Evolution's UUID, made at create) load the same rows: one
 * database under one client name, the known cause of 440 conflict loops (each process opens a socket with the same
 * credentials). Found per pair of listed servers, with how many ids they share and one example. Pure.
 */
public final class SharedIds {

    private SharedIds() {
    }

    /** @param servers the two servers, in configuration order; @param example an instance both list */
    public record Overlap(List<String> servers, int shared, String example) {
        public String key() {
            return String.join("+", servers.stream().sorted().toList());
        }

        /** Why {@code server} gets no new instances, in words. */
        public String reason(String server) {
            var other = servers.get(0).equals(server) ? servers.get(1) : servers.get(0);
            return "shares its database with " + other + " (" + shared + " instance id" + (shared == 1 ? "" : "s")
                    + " listed by both, e.g. " + example + ")";
        }
    }

    /** Every pair of listed servers that share at least one instance id, in configuration order. */
    public static List<Overlap> of(List<ServerListing> listings) {
        var firstServer = new HashMap<String, String>();    // id → the first server listing it
        var firstName = new HashMap<String, String>();      // id → its name there
        var pairs = new TreeMap<String, int[]>();
        var examples = new HashMap<String, String>();
        var order = listings.stream().map(ServerListing::server).toList();
        for (var listing : listings) {
            if (!listing.listed()) continue;
            var seenHere = new java.util.HashSet<String>();
            for (var instance : listing.instances()) {
                var id = instance.id();
                if (id == null || id.isBlank() || !seenHere.add(id)) continue;
                var first = firstServer.putIfAbsent(id, listing.server());
                firstName.putIfAbsent(id, instance.name());
                if (first == null || first.equals(listing.server())) continue;
                var key = first + "\u0000" + listing.server();
                pairs.computeIfAbsent(key, k -> new int[1])[0]++;
                examples.putIfAbsent(key, firstName.get(id));
            }
        }
        var overlaps = new ArrayList<Overlap>();
        for (Map.Entry<String, int[]> pair : pairs.entrySet()) {
            var servers = List.of(pair.getKey().split("\u0000"));
            overlaps.add(new Overlap(servers, pair.getValue()[0], examples.get(pair.getKey())));
        }
        overlaps.sort(java.util.Comparator.comparingInt((Overlap overlap) -> order.indexOf(overlap.servers().get(0)))
                .thenComparingInt(overlap -> order.indexOf(overlap.servers().get(1))));
        return overlaps;
    }
}
