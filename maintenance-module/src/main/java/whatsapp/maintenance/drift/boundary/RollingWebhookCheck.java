package whatsapp.maintenance.drift.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rolling webhook check: every {@code webhook-check.tick-seconds} (WEBHOOK_CHECK_TICK_SECONDS, 60; 0: off) each node
 * takes the share of instances due, so that each is checked once per {@code WEBHOOK_CHECK_PERIOD_MINUTES}; the
 * cluster-wide rate cap and the row marked when taken keep n nodes from checking more or twice.
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RollingWebhookCheck {

    static final Logger LOG = Logger.getLogger(RollingWebhookCheck.class.getName());

    @Resource
    TimerService timers;

    @EJB
    WebhookDriftCheck check;

    @Inject
    @ConfigProperty(name = "webhook-check.tick-seconds", defaultValue = "60")
    int tickSeconds;

    final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (tickSeconds <= 0) {
            LOG.info("The rolling webhook check is off (WEBHOOK_CHECK_TICK_SECONDS=0)");
            return;
        }
        long millis = tickSeconds * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig("webhook-check", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        if (!running.compareAndSet(false, true)) return;
        try {
            check.tick(Duration.ofSeconds(tickSeconds));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Rolling webhook check failed: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
