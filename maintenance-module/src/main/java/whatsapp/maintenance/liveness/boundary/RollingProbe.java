package whatsapp.maintenance.liveness.boundary;

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
 * The rolling liveness probe: every {@code probe.tick-seconds} (PROBE_TICK_SECONDS, 10) each node takes the share of
 * connected instances due, so that every one is probed once per {@code PROBE_PERIOD_MINUTES}, spread evenly; the
 * cluster-wide rate cap and the per-instance lease keep n nodes from probing more or twice. Off without
 * {@code PROBE_NUMBER}, or with a tick of 0. A tick still running when the next is due makes that one skip.
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RollingProbe {

    static final Logger LOG = Logger.getLogger(RollingProbe.class.getName());

    @Resource
    TimerService timers;

    @EJB
    ZombieCheck check;

    @Inject
    @ConfigProperty(name = "probe.tick-seconds", defaultValue = "10")
    int tickSeconds;

    final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (!check.on() || tickSeconds <= 0) {
            LOG.info("The rolling liveness probe is off (" + (check.on() ? "PROBE_TICK_SECONDS=0" : "no PROBE_NUMBER") + ")");
            return;
        }
        long millis = tickSeconds * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig("liveness-probe", false));
        LOG.info(() -> "The rolling liveness probe looks every " + tickSeconds + " s");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        if (!running.compareAndSet(false, true)) return;
        try {
            check.tick(Duration.ofSeconds(tickSeconds));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Rolling liveness probe failed: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
