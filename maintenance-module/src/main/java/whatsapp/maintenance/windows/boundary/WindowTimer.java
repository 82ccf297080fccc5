package whatsapp.maintenance.windows.boundary;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code maintenance-window.tick-seconds} (MAINTENANCE_WINDOW_TICK_SECONDS, 30) each node looks for maintenance
 * windows whose start or end is due; the step's lease in the database lets one node do each, once. 0 switches the
 * timer off (a window's start is then recorded only when it is created starting now, its end only by an early end).
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WindowTimer {

    static final Logger LOG = Logger.getLogger(WindowTimer.class.getName());

    @Resource
    TimerService timers;

    @EJB
    MaintenanceWindows windows;

    @Inject
    @ConfigProperty(name = "maintenance-window.tick-seconds", defaultValue = "30")
    int tickSeconds;

    final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (tickSeconds <= 0) {
            LOG.info("The maintenance window timer is off (MAINTENANCE_WINDOW_TICK_SECONDS=0)");
            return;
        }
        long millis = tickSeconds * 1000L;
        timers.createIntervalTimer(millis, millis, new TimerConfig("maintenance-windows", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        if (!running.compareAndSet(false, true)) return;
        try {
            windows.tick();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Maintenance window timer failed: " + e.getClass().getSimpleName());
        } finally {
            running.set(false);
        }
    }
}
