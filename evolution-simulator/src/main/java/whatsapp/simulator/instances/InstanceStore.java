package whatsapp.simulator.instances;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import whatsapp.simulator.SeedInstance;

/**
 * The simulator's "database": instances by name (case-sensitive, as on PostgreSQL). Adding is atomic
 * per name, so of two concurrent creates of one name exactly one wins. Listings come in creation order.
 */
public final class InstanceStore {

    private final ConcurrentHashMap<String, Instance> byName = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** A new instance that is not stored yet (the store hands out creation order). */
    public Instance newInstance(String name, String token, String integration, String number, Settings settings) {
        return new Instance(sequence.incrementAndGet(), name, token, integration, number, settings);
    }

    /** @return false when the name is taken */
    public boolean addIfAbsent(Instance instance) {
        return byName.putIfAbsent(instance.name(), instance) == null;
    }

    /** Puts a seeded row in place, replacing any instance of that name. */
    public Instance seed(SeedInstance seed, Instant now) {
        var instance = newInstance(seed.name(), seed.token(), "WHATSAPP-BAILEYS", seed.number(),
                Settings.defaults(seed.createdAt() == null ? now : seed.createdAt()));
        instance.restore(seed.status(), seed.loaded(), seed.ownerJid(), seed.profileName(),
                seed.disconnectionReasonCode(), seed.disconnectionObject(), seed.disconnectionAt());
        if (seed.webhook() != null) instance.configureWebhook(seed.webhook(), now);
        byName.put(seed.name(), instance);
        return instance;
    }

    public Optional<Instance> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Removes exactly this instance (not a newer one that took its name). */
    public boolean remove(Instance instance) {
        return byName.remove(instance.name(), instance);
    }

    public List<Instance> all() {
        var list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparingLong(Instance::sequence));
        return list;
    }

    /**
     * Another simulated server's store whose rows this server's full listing shows too: two Evolution processes on
     * one database under one {@code DATABASE_CONNECTION_CLIENT_NAME} each load every row of that client name, so both
     * list the same instances with the same ids. Null: a database of its own.
     */
    private volatile InstanceStore sharedWith;

    public void shareWith(InstanceStore other) {
        this.sharedWith = other;
    }

    /**
     * What the full {@code fetchInstances} listing shows: this store's rows, then the rows of the store it shares a
     * database with that it does not hold itself (by id).
     */
    public List<Instance> listed() {
        var own = all();
        var other = sharedWith;
        if (other == null) return own;
        var ids = new java.util.HashSet<String>();
        own.forEach(instance -> ids.add(instance.id()));
        var list = new ArrayList<>(own);
        for (var instance : other.all()) if (ids.add(instance.id())) list.add(instance);
        return list;
    }

    public List<Instance> withToken(String token) {
        var list = new ArrayList<Instance>();
        for (var instance : byName.values()) if (instance.token().equals(token)) list.add(instance);
        list.sort(Comparator.comparingLong(Instance::sequence));
        return list;
    }

    public int size() {
        return byName.size();
    }

    public void clear() {
        byName.clear();
    }
}
