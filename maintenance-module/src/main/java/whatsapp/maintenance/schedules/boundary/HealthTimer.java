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
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.fleethealth.boundary.SweepRuns;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.maintenance.schedules.control.Schedules;

/**
 * The health sweep's timer ({@code health-check.schedule}, HEALTH_CHECK_SCHEDULE; every 5 minutes by default,
 * {@code off} disables it), a bean of its own beside {@link MaintenanceTimers} so that the two schedules never
 * share a lock. WildFly skips a timeout that overlaps a running one on this node; the {@code health} lease
 * skips (and records) one that overlaps a sweep on another node.
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HealthTimer {

    static final Logger LOG = Logger.getLogger(HealthTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "health-check.schedule", defaultValue = "minute=*/5;hour=*")
    String schedule;

    @EJB
    SweepRuns sweeps;

    @PostConstruct
    void schedule() {
        Schedules.parse(schedule).ifPresentOrElse(
                at -> timers.createCalendarTimer(at, new TimerConfig(RunType.health, false)),
                () -> LOG.info("Health sweep schedule is off"));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        sweeps.scheduled();
    }
}
