package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Finishes deletions that Evolution's absence or a crash interrupted. Rows are leased in the
 * database, so on a cluster each pending deletion is worked by one node at a time.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetirementRetry {

    static final Logger LOG = Logger.getLogger(RetirementRetry.class.getName());
    /** At most this many deletions per round, so that a round ends even if rows keep becoming due. */
    static final int ROUND = 20;
    /**
     * Longer than one deletion takes (logout and delete, 20 s at most): a crashed node's lease runs out soon. Each
     * deletion is leased just before it is worked, so the lease never has to cover the ones before it.
     */
    static final Duration LEASE = Duration.ofSeconds(30);

    @EJB
    Deletions deletions;

    @Inject
    IntegrationReads reads;

    @EJB
    Retirement retirement;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void finishPendingDeletions() {
        for (int worked = 0; worked < ROUND; worked++) {
            var leased = deletions.leaseNextDue(LEASE);
            if (leased.isEmpty()) return;
            var id = leased.get();
            try {
                reads.find(id).ifPresent(retirement::finish);
            } catch (RuntimeException e) {
                // the lease expires and a later round tries again; the next due deletion goes on
                LOG.warning(() -> "Finishing the deletion of " + id + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
