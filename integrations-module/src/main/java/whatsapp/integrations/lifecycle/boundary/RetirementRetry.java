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
    static final int BATCH = 20;
    /** Longer than one deletion takes (logout and delete, 20 s at most): a crashed node's lease runs out soon. */
    static final Duration LEASE = Duration.ofSeconds(30);

    @EJB
    Deletions deletions;

    @Inject
    IntegrationReads reads;

    @EJB
    Retirement retirement;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void finishPendingDeletions() {
        for (var id : deletions.leaseDue(BATCH, LEASE)) {
            try {
                reads.find(id).ifPresent(retirement::finish);
            } catch (RuntimeException e) {
                // the lease expires and the next round tries again; the others of this batch go on
                LOG.warning(() -> "Finishing the deletion of " + id + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
