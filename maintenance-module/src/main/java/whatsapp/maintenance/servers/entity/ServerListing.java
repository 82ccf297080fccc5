package whatsapp.maintenance.servers.entity;

import java.time.Duration;
import java.util.List;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;

/**
 * One Evolution server's listing in a fleet-wide look.
 *
 * @param configured false: rows still name the server but configuration does not (never listed, never "gone")
 * @param listing    what the server listed, or why not
 * @param took       how long the listing took
 */
public record ServerListing(String server, boolean configured, Listing listing, Duration took) {

    public boolean listed() {
        return listing instanceof Listing.Listed;
    }

    public List<EvolutionInstance> instances() {
        return listing instanceof Listing.Listed listed ? listed.instances() : List.of();
    }

    /** Why it could not be listed; null when listed. */
    public String failure() {
        return listing instanceof Listing.Unavailable unavailable ? unavailable.reason() : null;
    }

    public double seconds() {
        return took.toMillis() / 1000.0;
    }
}
