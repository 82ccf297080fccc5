package whatsapp.maintenance.liveness.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.EvolutionFleet;
import whatsapp.evolution.instances.entity.Liveness;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.ProbeRecorded;
import whatsapp.integrations.api.ProbeTarget;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.alerts.boundary.Alerts;
import whatsapp.maintenance.heal.boundary.AutoHeal;
import whatsapp.maintenance.liveness.control.ProbePace;
import whatsapp.maintenance.liveness.control.ProbeRate;
import whatsapp.maintenance.liveness.entity.Finding;
import whatsapp.maintenance.liveness.entity.ZombieCheckSummary;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.problems.entity.ProbingOff;
import whatsapp.maintenance.problems.entity.UnknownInstance;

/**
 * Zombie detection: Evolution's {@code open} is a cached value only Baileys' events change, so a connected instance
 * can be dead while every listing calls it open. Each probe is a real round trip to WhatsApp
 * ({@code POST /chat/whatsappNumbers} with {@code PROBE_NUMBER}, a number known not to be on WhatsApp); a dead answer
 * (Baileys' 428, a hang) is asked again after a short pause (a 428 also shows briefly during a reconnect) before the
 * instance counts as a zombie: recorded ({@code probe_failed_at}, history with source {@code probe}), alerted once,
 * restarted by the auto-heal within its hourly limit. Every probe takes a permit of the cluster-wide rate cap
 * ({@link ProbeRate}) and a lease on the instance's row (never two probes of one instance at once in the cluster). No
 * transaction is open while Evolution is probed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ZombieCheck {

    static final Logger LOG = Logger.getLogger(ZombieCheck.class.getName());
    /** How long a pass waits for one permit of the rate cap before it gives up on the rest. */
    static final Duration PERMIT_WAIT = Duration.ofSeconds(30);

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    EvolutionFleet fleet;

    @Inject
    ProbeRate rate;

    @EJB
    Alerts alerts;

    @EJB
    AutoHeal autoHeal;

    @Inject
    MaintenanceMeters meters;

    /** A number known not to be on WhatsApp; unset: probing is off. */
    @Inject
    @ConfigProperty(name = "probe.number")
    Optional<String> number;

    @Inject
    @ConfigProperty(name = "probe.period-minutes", defaultValue = "30")
    long periodMinutes;

    @Inject
    @ConfigProperty(name = "probe.timeout-ms", defaultValue = "12000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "probe.retry-pause-ms", defaultValue = "5000")
    long retryPauseMs;

    public boolean on() {
        return number.filter(n -> !n.isBlank()).isPresent();
    }

    /**
     * One pass now ({@code POST /maintenance/zombie-check}): every connected instance, or the one named, within the
     * rate cap. @throws ProbingOff without {@code PROBE_NUMBER}; @throws UnknownInstance for a name no row uses
     */
    public ZombieCheckSummary checkNow(String instanceName) {
        if (!on()) throw new ProbingOff();
        var started = Instant.now();
        List<IntegrationSummary> rows;
        if (instanceName != null) {
            rows = List.of(integrations.find(instanceName).orElseThrow(() -> new UnknownInstance(instanceName)));
        } else {
            rows = integrations.watched().stream().filter(row -> row.status() == Status.connected).toList();
        }
        var findings = new ArrayList<Finding>();
        for (var row : rows) {
            if (row.status() != Status.connected || !row.enabled()) {
                findings.add(Finding.skipped(row.instanceName(), row.organizationId(), "not connected (" + row.status() + ")",
                        Instant.now()));
                continue;
            }
            if (!rate.acquire(PERMIT_WAIT)) {
                findings.add(Finding.skipped(row.instanceName(), row.organizationId(), "no probe permit within "
                        + PERMIT_WAIT.toSeconds() + " s (rate cap)", Instant.now()));
                continue;
            }
            var target = integrations.leaseProbe(row.instanceName(), Duration.ZERO, lease());
            findings.add(target.map(this::probe).orElseGet(() -> Finding.skipped(row.instanceName(), row.organizationId(),
                    "another probe of it is under way, or it is no longer connected", Instant.now())));
        }
        meters.zombies(integrations.zombies());
        var summary = ZombieCheckSummary.of(started, findings, instanceName != null);
        LOG.info(() -> "Zombie check: " + summary.probed() + " probed, " + summary.zombies() + " zombies, "
                + summary.unknown() + " unknown, " + summary.skipped() + " skipped");
        return summary;
    }

    /**
     * One tick of the rolling probe: the connected instances not probed within the period, the longest unprobed first,
     * as many as spread them evenly over the period ({@link ProbePace}), each within the rate cap.
     *
     * @return instances probed
     */
    public int tick(Duration tick) {
        if (!on()) return 0;
        var period = Duration.ofMinutes(periodMinutes);
        long connected = integrations.countsByStatus().getOrDefault(Status.connected, 0L);
        int quota = ProbePace.quota(connected, tick, period, rate.perSecond());
        int probed = 0;
        for (var name : integrations.probeDue(period, quota)) {
            if (!rate.acquire(tick)) break;
            var target = integrations.leaseProbe(name, period, lease());
            if (target.isEmpty()) continue;
            probe(target.get());
            probed++;
        }
        if (probed > 0) meters.zombies(integrations.zombies());
        return probed;
    }

    /** A probe, asked again after a pause when it finds the instance dead, recorded, and followed up. */
    Finding probe(ProbeTarget target) {
        var name = target.instanceName();
        var evolution = fleet.on(target.evolutionServer());
        var timeout = Duration.ofMillis(timeoutMs);
        var answer = evolution.liveness(name, number.orElseThrow(), timeout);
        if (answer.verdict() == Liveness.Verdict.DEAD) {
            pause();
            rate.acquire(PERMIT_WAIT);
            answer = evolution.liveness(name, number.orElseThrow(), timeout);
        }
        meters.probe(answer.verdict().name().toLowerCase(java.util.Locale.ROOT));
        var at = Instant.now();
        if (answer.verdict() == Liveness.Verdict.UNKNOWN)
            return new Finding(name, target.organizationId(), Finding.UNKNOWN, answer.answer(), null, null, at);
        boolean dead = answer.verdict() == Liveness.Verdict.DEAD;
        var recorded = integrations.recordProbe(name, dead, answer.answer(), at);
        switch (recorded.change()) {
            case BECAME_ZOMBIE, STILL_ZOMBIE -> {
                var found = answer;
                if (recorded.change() == ProbeRecorded.Change.BECAME_ZOMBIE)
                    LOG.warning(() -> "Zombie: " + name + " is connected in Evolution's eyes but the probe got " + found.answer());
                followUp(() -> alerts.zombie(name, target.organizationId(), found.answer(), recorded.probeFailedAt()));
                var heal = flapping(name)
                        ? new whatsapp.maintenance.heal.entity.HealAttempt(name, whatsapp.maintenance.heal.entity.HealAttempt.SUPPRESSED,
                        "flapping: the auto-heal holds off until it is stable")
                        : autoHeal.restartZombie(name, target.disconnectReason(), at);
                return new Finding(name, target.organizationId(), Finding.ZOMBIE, answer.answer(), recorded.probeFailedAt(),
                        heal, at);
            }
            case ALIVE_AGAIN -> {
                LOG.info(() -> "Zombie " + name + " answers the probe again");
                followUp(() -> alerts.zombieGone(name, "the probe answered again"));
            }
            case NOT_CONNECTED -> {
                return Finding.skipped(name, target.organizationId(), "no longer connected", at);
            }
            case ALIVE -> { }
        }
        return new Finding(name, target.organizationId(), Finding.ALIVE, answer.answer(), null, null, at);
    }

    boolean flapping(String name) {
        try {
            return alerts.flapping().contains(name);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Long enough for two probes and the pause between them; a crashed node's lease runs out after it. */
    Duration lease() {
        return Duration.ofMillis(2 * timeoutMs + retryPauseMs).plusSeconds(10);
    }

    void pause() {
        try {
            Thread.sleep(retryPauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An alert's failure is logged and never fails the probe (the next probe or sweep tries again). */
    static void followUp(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Zombie check: alert not written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
