package whatsapp.integrations.events.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import whatsapp.integrations.events.entity.OutboxWritten;

/**
 * Relays the outbox to Redis (topic and stream): at once after each commit, and every two seconds for whatever is
 * left (Redis was down, the node crashed). At-least-once; consumers dedupe by event_id.
 */
@Singleton
// Bean-managed (and never begun): no transaction around the @Schedule methods on any server. Payara applies a
// class-level @TransactionAttribute only to business and @Timeout methods, never to @Schedule methods, which then
// ran in a container transaction (REQUIRED) there.
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    static final int BATCH = 100;

    @EJB
    Sequencer sequencer;

    @EJB
    OutboxBatch batch;

    @Resource
    ManagedExecutorService executor;

    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();
    /** A relay task is queued and has not started yet: the commits meanwhile need no task of their own. */
    final AtomicBoolean queued = new AtomicBoolean();

    /**
     * Once a transaction that wrote events has committed: publish them now rather than at the next sweep. At most one
     * task waits in the executor's queue whatever the number of commits: a burst of 20,000 webhooks queued one task
     * each, and each queued task keeps its request's context alive (the heap ran out). A commit while a relay runs
     * makes it loop again.
     */
    public void publishSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        again.set(true);
        WakeUps.once(queued, executor, this::relay);
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void sweep() {
        relay();
    }

    /**
     * One relay at a time per node; a request arriving meanwhile makes the running one loop again. Events are ordered
     * first (PostgreSQL only), so the catch-up serves them even when publishing fails because Redis is away.
     */
    void relay() {
        again.set(true);
        if (!running.compareAndSet(false, true)) return;
        try {
            while (again.getAndSet(false)) {
                while (sequencer.sequenceNext(BATCH) == BATCH) {
                    again.set(true);
                }
                if (!publishAll()) return;
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Outbox relay paused: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }

    /** @return false when Redis refused a batch: it waits in the outbox for the next sweep */
    boolean publishAll() {
        try {
            while (batch.publishNext(BATCH) == BATCH) {
                again.set(true);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.fine(() -> "Publishing paused: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
