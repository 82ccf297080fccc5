package whatsapp.integrations.pairing.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/**
 * Connect and restart calls for one instance must never overlap anywhere in the cluster: Evolution would start a
 * second socket for the same session, and the two would fight (conflicts, device removal). A lease column on the
 * integration row, taken with a conditional update; it expires by itself if its holder dies.
 */
@Stateless
public class ConnectLease {

    /** Longer than a connect or restart call's time budget, so a crash mid-call still frees it soon. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    /** Taken and checked against the database's clock, like every lease: nodes' clocks may disagree. */
    static final String TAKE = """
            UPDATE integrations.integrations SET connect_lease_until = now() + make_interval(secs => ?1), version = version + 1
            WHERE instance_name = ?2 AND status <> 'deleting' AND (connect_lease_until IS NULL OR connect_lease_until < now())""";

    /** @return false when someone else holds it, or there is no such instance (or it is being deleted) */
    public boolean take(String instanceName) {
        return em.createNativeQuery(TAKE)
                .setParameter(1, (double) LEASE.toSeconds()).setParameter(2, instanceName).executeUpdate() == 1;
    }

    public void release(String instanceName) {
        em.createNativeQuery("""
                UPDATE integrations.integrations SET connect_lease_until = NULL, version = version + 1 WHERE instance_name = ?1""")
                .setParameter(1, instanceName).executeUpdate();
    }
}
