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
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import whatsapp.maintenance.timers.control.NodeTimer;
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

    final NodeTimer timer = new NodeTimer("The rolling webhook check", LOG);

    @PostConstruct
    void schedule() {
        timer.schedule(timers, tickSeconds, "WEBHOOK_CHECK_TICK_SECONDS=0");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        timer.tick(() -> check.tick(Duration.ofSeconds(tickSeconds)));
    }
}
