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
import whatsapp.infrastructure.node.NodeIdentity;
import whatsapp.maintenance.fleethealth.boundary.HealthSweep;
import whatsapp.maintenance.orphans.boundary.OrphanCleanup;
import whatsapp.maintenance.runs.entity.RunResult;
import whatsapp.maintenance.runs.boundary.Runs;
import whatsapp.maintenance.runs.entity.RunType;
import whatsapp.maintenance.schedules.control.Schedules;

/**
 * The maintenance timers, cadences from configuration ({@code @Schedule} takes only constants): one
 * non-persistent calendar timer per run type, created at startup, the type as the timer's info;
 * {@code cleanup.schedule} (hourly by default) and {@code health-check.schedule} (HEALTH_CHECK_SCHEDULE, every
 * 5 minutes by default), {@code off} disables one. Each timeout only delegates: the run type's lease keeps one
 * run per cluster (the overlapping one is skipped and recorded), and WildFly skips a timeout that overlaps a
 * running one of the same timer on this node. Bean-managed concurrency, so a long cleanup never holds the
 * singleton's lock against a sweep's timeout, nor the other way round.
 */
@Startup
@Singleton
@DependsOn("MaintenanceSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MaintenanceTimers {

    static final Logger LOG = Logger.getLogger(MaintenanceTimers.class.getName());
    /** Who the runs history says triggered a scheduled run: {@code schedule@<node>} (NODE_ID), the node whose timer fired. */
    public static final String SCHEDULE = "schedule";

    static String triggeredBy() {
        return SCHEDULE + "@" + NodeIdentity.id();
    }

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "cleanup.schedule", defaultValue = "minute=0;hour=*")
    String cleanupSchedule;

    @Inject
    @ConfigProperty(name = "health-check.schedule", defaultValue = "minute=*/5;hour=*")
    String healthSchedule;

    @EJB
    OrphanCleanup cleanup;

    @EJB
    HealthSweep health;

    @EJB
    Runs runs;

    @PostConstruct
    void schedule() {
        String txNode = System.getProperty("jboss.tx.node.id", System.getenv("NODE_ID"));
        LOG.info(() -> "Node " + NodeIdentity.id() + " (runs triggered_by " + triggeredBy() + ", transactions node-identifier "
                + (txNode == null ? "1, the default: set NODE_ID or -Djboss.tx.node.id per node in a cluster" : txNode) + ")");
        try {
            runs.abandonExpired();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Runs left running by a dead node not recorded as abandoned: " + e.getClass().getSimpleName());
        }
        createTimer(RunType.cleanup, cleanupSchedule);
        createTimer(RunType.health, healthSchedule);
    }

    /**
     * Not an overload of {@link #schedule()}: Payara finds a bean's lifecycle callback by its name only and took this
     * method now and then (whichever the class lists first), failing the deployment with "wrong number of arguments".
     */
    void createTimer(RunType type, String schedule) {
        Schedules.parse(schedule).ifPresentOrElse(
                at -> timers.createCalendarTimer(at, new TimerConfig(type, false)),
                () -> LOG.info(() -> "The " + type.label() + " schedule is off"));
    }

    /** Never throws, so the container does not retry a run the guards stopped; an unusable listing is a failed run. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        var type = (RunType) timer.getInfo();
        try {
            RunResult result = switch (type) {
                case cleanup -> cleanup.run(triggeredBy(), false);
                case health -> health.run(triggeredBy());
            };
            LOG.info(() -> "Scheduled " + type.label() + ": " + result.outcome());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Scheduled " + type.label() + " failed: " + e.getClass().getSimpleName());
        }
    }
}
