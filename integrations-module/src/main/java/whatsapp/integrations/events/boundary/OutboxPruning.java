package whatsapp.integrations.events.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps published events for the retention ({@code events.retention-days}, default 7) so the catch-up can serve
 * them, then deletes them in batches, every {@code events.prune-interval-seconds} (default 600). An event never
 * published (Redis away for that long) goes too once it is older than {@code events.max-age-days} (default 30, never
 * less than the retention), logged: the outbox is bounded whatever Redis does. Any node may prune: deleting is
 * idempotent and the pruned-through mark only grows.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxPruning {

    static final Logger LOG = Logger.getLogger(OutboxPruning.class.getName());
    static final int BATCH = 1000;

    @Resource
    TimerService timers;

    @EJB
    PruneBatch batch;

    @Inject
    @ConfigProperty(name = "events.retention-days", defaultValue = "7")
    long retentionDays;

    @Inject
    @ConfigProperty(name = "events.max-age-days", defaultValue = "30")
    long maxAgeDays;

    @Inject
    @ConfigProperty(name = "events.prune-interval-seconds", defaultValue = "600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("outbox pruning", false));
    }

    @Timeout
    void prune() {
        var now = Instant.now();
        var cutoff = now.minus(Duration.ofDays(retentionDays));
        var writtenBefore = now.minus(Duration.ofDays(Math.max(maxAgeDays, retentionDays)));
        try {
            while (batch.pruneNext(cutoff, BATCH) == BATCH) {
                // the next thousand
            }
            long unpublished = 0;
            int pruned;
            do {
                pruned = batch.pruneWrittenBefore(writtenBefore, BATCH);
                unpublished += pruned;
            } while (pruned == BATCH);
            if (unpublished > 0) {
                long count = unpublished;
                LOG.warning(() -> count + " events older than " + Math.max(maxAgeDays, retentionDays)
                        + " days were never published (Redis unreachable?) and were pruned; catch-ups resync");
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Pruning the outbox failed (" + e.getClass().getSimpleName() + "); the next round retries");
        }
    }
}
