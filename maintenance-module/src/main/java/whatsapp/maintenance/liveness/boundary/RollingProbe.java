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
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import whatsapp.maintenance.timers.control.NodeTimer;
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

    final NodeTimer timer = new NodeTimer("The rolling liveness probe", LOG);

    @PostConstruct
    void schedule() {
        timer.schedule(timers, check.on() ? tickSeconds : 0, check.on() ? "PROBE_TICK_SECONDS=0" : "no PROBE_NUMBER");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        timer.tick(() -> check.tick(Duration.ofSeconds(tickSeconds)));
    }
}
