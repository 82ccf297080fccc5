package whatsapp.maintenance.servers.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.maintenance.servers.entity.ServerListing;

/**
 * One listing per Evolution server, fetched in parallel on the server's managed executor (at most
 * {@value #PARALLEL} at once), each bounded by the list timeout. A server rows still name but configuration does not
 * is reported unlisted ({@code configured: false}), never asked. Remembers when each server was last listed (this
 * node), for {@code GET /maintenance/evolution-servers}.
 */
@ApplicationScoped
public class FleetListings {

    static final int PARALLEL = 8;

    @Inject
    EvolutionFleet fleet;

    @Resource
    ManagedExecutorService executor;

    final Semaphore slots = new Semaphore(PARALLEL);
    final Map<String, Instant> lastListed = new ConcurrentHashMap<>();

    /** @param named servers rows name, besides the configured ones (a removed server shows up this way) */
    public List<ServerListing> listAll(Collection<String> named) {
        var names = new LinkedHashSet<String>();
        fleet.servers().forEach(server -> names.add(server.name()));
        names.addAll(named);
        var futures = new ArrayList<CompletableFuture<ServerListing>>();
        for (var name : names) {
            if (!fleet.configured(name)) {
                futures.add(CompletableFuture.completedFuture(new ServerListing(name, false,
                        new Listing.Unavailable("Evolution server " + name + " is not configured"), Duration.ZERO)));
            } else {
                futures.add(CompletableFuture.supplyAsync(() -> list(name), executor));
            }
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    ServerListing list(String name) {
        slots.acquireUninterruptibly();
        try {
            var started = System.nanoTime();
            var listing = fleet.on(name).list();
            if (listing instanceof Listing.Listed) lastListed.put(name, Instant.now());
            return new ServerListing(name, true, listing, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            slots.release();
        }
    }

    public Optional<Instant> lastListed(String server) {
        return Optional.ofNullable(lastListed.get(server));
    }
}
