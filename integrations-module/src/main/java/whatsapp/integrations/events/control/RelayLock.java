package whatsapp.integrations.events.control;

import jakarta.persistence.EntityManager;

/**
 * The cluster-wide relay lock: a PostgreSQL advisory lock scoped to the caller's transaction, so exactly one relay
 * orders or publishes at a time, and a node that dies releases it with its connection. Waiting is bounded; a relay
 * that times out leaves the batch to the next round.
 */
public final class RelayLock {

    /** Any constant that no other advisory lock of this database uses ("outbox" in ASCII). */
    static final long KEY = 0x6f7574626f78L;

    private RelayLock() {
    }

    public static void acquire(EntityManager em) {
        em.createNativeQuery("SELECT set_config('lock_timeout', '10s', true)").getSingleResult();
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS l").setParameter(1, KEY).getSingleResult();
    }
}
