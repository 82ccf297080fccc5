package whatsapp.integrations.lifecycle.boundary;

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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes Idempotency-Keys older than their retention ({@code idempotency.retention-hours}) in batches of a thousand,
 * every {@code idempotency.prune-interval-seconds} (default 600). Any node may prune: batches skip each other's rows.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyPruning {

    static final Logger LOG = Logger.getLogger(IdempotencyPruning.class.getName());
    static final int BATCH = 1000;

    @Resource
    TimerService timers;

    @EJB
    Idempotency idempotency;

    @Inject
    @ConfigProperty(name = "idempotency.prune-interval-seconds", defaultValue = "600")
    long intervalSeconds;

    @PostConstruct
    void schedule() {
        long interval = Duration.ofSeconds(intervalSeconds).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("idempotency key pruning", false));
    }

    @Timeout
    void prune() {
        try {
            while (idempotency.pruneExpired(BATCH) == BATCH) {
                // the next thousand
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Pruning idempotency keys failed (" + e.getClass().getSimpleName() + "); the next round retries");
        }
    }
}
