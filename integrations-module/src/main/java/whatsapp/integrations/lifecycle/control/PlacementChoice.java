package whatsapp.integrations.lifecycle.control;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which Evolution server a new instance goes to: the reachable, non-draining server with the most free slots
 * (capacity minus the instances placed there); ties go to the server configured first. Pure: reachability is asked
 * through a function, only of the servers that could take the instance, best first, until one answers.
 */
public final class PlacementChoice {

    private PlacementChoice() {
    }

    /**
     * @param used instances placed there: rows of any status plus creations in flight
     * @param held why the server gets no new instances now (it shares its database with another one), null: not held
     */
    public record Candidate(String name, int capacity, boolean draining, long used, String held) {
        public Candidate(String name, int capacity, boolean draining, long used) {
            this(name, capacity, draining, used, null);
        }

        long free() {
            return capacity - used;
        }
    }

    /** @param server the chosen server, or empty; @param refusals why each server was passed over, e.g. "b: draining" */
    public record Outcome(Optional<String> server, List<String> refusals) {
        /** Whether a server was passed over because it is held (shares its database with another). */
        public boolean held(List<Candidate> servers) {
            return servers.stream().anyMatch(server -> server.held() != null);
        }

        public String reason() {
            return "no Evolution server can take a new instance: " + String.join("; ", refusals);
        }
    }

    /** @param unreachable null when the server answers now, else why not (asked at most once per server) */
    public static Outcome choose(List<Candidate> servers, Function<String, String> unreachable) {
        var refusals = new java.util.ArrayList<String>();
        var ranked = servers.stream()
                .sorted(Comparator.comparingLong(Candidate::free).reversed()) // stable: configuration order breaks ties
                .toList();
        for (var server : ranked) {
            if (server.held() != null) refusals.add(server.name() + ": " + server.held());
            else if (server.draining()) refusals.add(server.name() + ": draining");
            else if (server.free() <= 0) refusals.add(server.name() + ": full (" + server.used() + " of " + server.capacity() + ")");
            else {
                var why = unreachable.apply(server.name());
                if (why == null) return new Outcome(Optional.of(server.name()), refusals);
                refusals.add(server.name() + ": unreachable (" + why + ")");
            }
        }
        var order = servers.stream().map(Candidate::name).toList();
        refusals.sort(Comparator.comparingInt(refusal -> order.indexOf(refusal.substring(0, refusal.indexOf(':')))));
        return new Outcome(Optional.empty(), refusals);
    }

}
