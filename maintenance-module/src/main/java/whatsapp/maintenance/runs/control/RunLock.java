package whatsapp.maintenance.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.UUID;
import whatsapp.maintenance.runs.entity.RunType;

/**
 * One run of a type at a time across the cluster: a lease on the type's row in {@code maintenance.run_locks},
 * claimed with a conditional UPDATE in the caller's transaction. Concurrent claimers serialize on the row; the
 * loser re-reads an unexpired lease and gets nothing. A lease row, unlike a session advisory lock, does not
 * depend on which pooled connection ran the claim; a crashed holder's lease simply runs out. A working holder renews
 * it ({@link #renew}), only while it still holds it.
 */
@ApplicationScoped
public class RunLock {

    @PersistenceContext
    EntityManager em;

    /** @return whether {@code holder} now holds the lease */
    public boolean claim(RunType type, UUID holder, Duration lease) {
        return em.createNativeQuery("""
                UPDATE maintenance.run_locks SET holder = ?1, lease_until = now() + make_interval(secs => ?2)
                WHERE run_type = ?3 AND lease_until < now()""")
                .setParameter(1, holder).setParameter(2, (double) lease.toSeconds()).setParameter(3, type.name())
                .executeUpdate() == 1;
    }

    /** @return whether {@code holder} still held the lease and now holds it for {@code lease} from now */
    public boolean renew(RunType type, UUID holder, Duration lease) {
        return em.createNativeQuery("""
                UPDATE maintenance.run_locks SET lease_until = now() + make_interval(secs => ?1)
                WHERE run_type = ?2 AND holder = ?3""")
                .setParameter(1, (double) lease.toSeconds()).setParameter(2, type.name()).setParameter(3, holder)
                .executeUpdate() == 1;
    }

    public void release(RunType type, UUID holder) {
        em.createNativeQuery("""
                UPDATE maintenance.run_locks SET holder = NULL, lease_until = '-infinity'
                WHERE run_type = ?1 AND holder = ?2""")
                .setParameter(1, type.name()).setParameter(2, holder).executeUpdate();
    }
}
