package whatsapp.maintenance.schedules.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.orphans.boundary.CleanupRuns;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.maintenance.schedules.control.Schedules;

/**
 * The maintenance timers, cadences from configuration ({@code @Schedule} takes only constants): non-persistent
 * calendar timers created at startup. Each timeout only delegates; the run's lock keeps one run per cluster,
 * and WildFly skips a timeout that overlaps a running one on this node. Bean-managed concurrency, so one
 * long run never holds the singleton's lock against another timer.
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MaintenanceTimers {

    static final Logger LOG = Logger.getLogger(MaintenanceTimers.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "cleanup.schedule", defaultValue = "minute=0;hour=*")
    String cleanupSchedule;

    @EJB
    CleanupRuns cleanup;

    @PostConstruct
    void schedule() {
        Schedules.parse(cleanupSchedule).ifPresentOrElse(
                at -> timers.createCalendarTimer(at, new TimerConfig(RunType.cleanup, false)),
                () -> LOG.info("Orphan cleanup schedule is off"));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        if (timer.getInfo() == RunType.cleanup) cleanup.scheduled();
    }
}
