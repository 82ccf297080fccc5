package whatsapp.maintenance.alerts.boundary;

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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.entity.AlertsWritten;

/**
 * Delivers alert notices: right after each transaction that wrote some commits (after a short gathering pause, so
 * that a storm of webhooks makes one grouped message rather than fifty), and every second for whatever waits (the
 * receiver was down, the node crashed, a backoff ran out). Resolved alerts are pruned after the retention.
 */
@Singleton
// Bean-managed (and never begun): no transaction around the @Schedule methods on any server. Payara applies a
// class-level @TransactionAttribute only to business and @Timeout methods, never to @Schedule methods, which then
// ran in a container transaction (REQUIRED) there.
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlertRelay {

    static final Logger LOG = Logger.getLogger(AlertRelay.class.getName());
    static final int BATCH = 100;

    @EJB
    NoticeBatch batch;

    @Inject
    AlertWebhook webhook;

    @Inject
    AlertBook book;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "alert.gather-millis", defaultValue = "200")
    long gatherMillis;

    @Inject
    @ConfigProperty(name = "alert.retention-days", defaultValue = "90")
    long retentionDays;

    final AtomicBoolean running = new AtomicBoolean();
    final AtomicBoolean again = new AtomicBoolean();

    /** A delivery task is queued or gathering and has not started delivering yet. */
    final AtomicBoolean queued = new AtomicBoolean();

    /**
     * Once alerts were written: deliver them after {@code alert.gather-millis}, with what else is written meanwhile.
     * One task at a time waits or gathers, whatever the number of commits (a webhook burst must not fill the executor
     * with sleeping tasks, each keeping its request's context alive); the every-second timer delivers anything else.
     */
    public void deliverSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertsWritten written) {
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                try {
                    Thread.sleep(gatherMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    queued.set(false);
                }
                deliver();
            });
        } catch (RuntimeException rejected) {   // a saturated executor: the timer delivers within a second
            queued.set(false);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void everySecond() {
        deliver();
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    void prune() {
        try {
            int pruned = book.prune(Instant.now().minus(Duration.ofDays(retentionDays)));
            if (pruned > 0) LOG.info(() -> "Pruned " + pruned + " resolved alerts older than " + retentionDays + " days");
        } catch (RuntimeException e) {
            LOG.warning(() -> "Pruning alerts failed (" + e.getClass().getSimpleName() + "); the next hour retries");
        }
    }

    /** One delivery loop at a time per node (and one per cluster, by the batch's lock); a wake-up meanwhile loops again. */
    void deliver() {
        if (!webhook.configured()) return;
        again.set(true);
        if (!running.compareAndSet(false, true)) return;
        try {
            while (again.getAndSet(false)) {
                while (batch.deliverNext(BATCH) == BATCH) {
                    again.set(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Alert relay paused: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
