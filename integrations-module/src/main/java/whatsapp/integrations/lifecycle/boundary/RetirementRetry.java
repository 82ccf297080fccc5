package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finishes deletions that Evolution's absence or a crash interrupted. Rows are leased in the
 * database, so on a cluster each pending deletion is worked by one node at a time.
 */
@Singleton
// Bean-managed (and never begun): no transaction around the @Schedule methods on any server. Payara applies a
// class-level @TransactionAttribute only to business and @Timeout methods, never to @Schedule methods, which then
// ran in a container transaction (REQUIRED) there.
@TransactionManagement(TransactionManagementType.BEAN)
public class RetirementRetry {

    static final Logger LOG = Logger.getLogger(RetirementRetry.class.getName());
    /** At most this many deletions per round, so that a round ends even if rows keep becoming due. */
    static final int ROUND = 20;
    /**
     * Longer than one deletion takes (logout and delete, 20 s at most with the default timeouts): a crashed node's
     * deletion is taken over once it runs out. Each deletion is leased just before it is worked, so the lease never has
     * to cover the ones before it.
     */
    @Inject
    @ConfigProperty(name = "deletion.lease-seconds", defaultValue = "30")
    long leaseSeconds;

    @EJB
    Deletions deletions;

    @Inject
    IntegrationReads reads;

    @EJB
    Retirement retirement;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void finishPendingDeletions() {
        for (int worked = 0; worked < ROUND; worked++) {
            var leased = deletions.leaseNextDue(Duration.ofSeconds(leaseSeconds));
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
