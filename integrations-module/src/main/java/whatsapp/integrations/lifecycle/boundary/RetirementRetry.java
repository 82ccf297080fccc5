package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;

/**
 * Finishes deletions that Evolution's absence or a crash interrupted. Rows are leased in the
 * database, so on a cluster each pending deletion is worked by one node at a time.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetirementRetry {

    static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RetirementRetry.class.getName());

    @EJB
    Ledger ledger;

    @EJB
    Retirement retirement;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void finishPendingDeletions() {
        for (var id : ledger.leaseDueDeletions(20, Duration.ofSeconds(30))) {
            try {
                ledger.find(id).ifPresent(retirement::finish);
            } catch (RuntimeException e) {
                // the lease expires and the next round tries again; the others of this batch go on
                LOG.warning(() -> "Finishing the deletion of " + id + " failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
