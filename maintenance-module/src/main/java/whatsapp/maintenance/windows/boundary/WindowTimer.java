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
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import whatsapp.maintenance.timers.control.NodeTimer;
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

    final NodeTimer timer = new NodeTimer("The maintenance window timer", LOG);

    @PostConstruct
    void schedule() {
        timer.schedule(timers, tickSeconds, "MAINTENANCE_WINDOW_TICK_SECONDS=0");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        timer.tick(() -> windows.tick());
    }
}
