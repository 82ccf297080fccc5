package whatsapp.maintenance.heal.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.heal.control.HealPolicy;
import whatsapp.maintenance.heal.control.RestartAttempts;
import whatsapp.maintenance.heal.entity.HealAttempt;
import whatsapp.maintenance.heal.entity.Healing;
import whatsapp.maintenance.heal.entity.InstanceState;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;

/**
 * Restarts instances stuck connecting, within the hourly and per-sweep limits, and reports those a restart cannot
 * help. Every attempt is recorded before it is made, so it counts against the hourly limit on every node even
 * when Evolution never answers. The restart itself is the integrations module's use case: it takes the
 * instance's cluster-wide connect lease, so it never overlaps a pairing request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AutoHeal {

    static final Logger LOG = Logger.getLogger(AutoHeal.class.getName());

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @EJB
    RestartAttempts attempts;

    @Inject
    MaintenanceMeters meters;

    @Inject
    @ConfigProperty(name = "heal.connecting-minutes", defaultValue = "10")
    int connectingMinutes;

    @Inject
    @ConfigProperty(name = "heal.max-restarts-per-hour", defaultValue = "3")
    int maxRestartsPerHour;

    @Inject
    @ConfigProperty(name = "heal.max-restarts-per-sweep", defaultValue = "20")
    int maxRestartsPerSweep;

    /** Maintenance windows: no restart of an instance on a server a window holds now. */
    @Inject
    whatsapp.maintenance.holds.control.Holds holds;

    public Healing heal(List<InstanceState> states, Instant now) {
        var threshold = Duration.ofMinutes(connectingMinutes);
        // judged once; only what the auto-heal would act on is asked about windows and pauses
        var verdicts = new java.util.IdentityHashMap<InstanceState, HealPolicy.Verdict>();
        var acting = new ArrayList<InstanceState>();
        for (var state : states) {
            var verdict = HealPolicy.judge(state, threshold, now);
            if (verdict == HealPolicy.Verdict.NOT_STUCK) continue;
            verdicts.put(state, verdict);
            acting.add(state);
        }
        // --- maintenance windows: held, no restart ---
        acting = new ArrayList<>(holds.without(acting, InstanceState::instanceName, InstanceState::evolutionServer));
        // --- end maintenance windows ---
        // --- paused monitoring (issue 16): the auto-heal leaves a paused instance alone ---
        var paused = acting.isEmpty() ? java.util.Set.<String>of()
                : integrations.monitoringPaused(acting.stream().map(InstanceState::instanceName).toList(), now);
        // --- end of paused monitoring ---
        var report = new ArrayList<HealAttempt>();
        var repairNeeded = new ArrayList<InstanceState>();
        var stuck = new ArrayList<InstanceState>();
        for (var state : acting) {
            if (paused.contains(state.instanceName())) {
                report.add(new HealAttempt(state.instanceName(), HealAttempt.PAUSED, "monitoring paused: the auto-heal leaves it alone"));
                continue;
            }
            switch (verdicts.get(state)) {
                case RESTART -> stuck.add(state);
                case REPAIR_NEEDED -> {
                    repairNeeded.add(state);
                    report.add(new HealAttempt(state.instanceName(), HealAttempt.REPAIR_NEEDED,
                            HealPolicy.sessionEndedReason(state) + "; a restart cannot pair it again: scan a new QR code"));
                }
                case NOT_STUCK -> { }
            }
        }
        attempts.forgetBefore(now.minus(Duration.ofDays(1)));
        if (!stuck.isEmpty()) report.addAll(restart(stuck, now));
        return new Healing(report, repairNeeded);
    }

    List<HealAttempt> restart(List<InstanceState> stuck, Instant now) {
        var report = new ArrayList<HealAttempt>();
        var recent = attempts.since(stuck.stream().map(InstanceState::instanceName).toList(), now.minus(Duration.ofHours(1)));
        int restarted = 0;
        for (var state : stuck) {
            var name = state.instanceName();
            int tried = recent.getOrDefault(name, 0);
            if (tried >= maxRestartsPerHour) {
                report.add(new HealAttempt(name, HealAttempt.RATE_LIMITED, tried + " restarts within the last hour already"));
                continue;
            }
            if (restarted >= maxRestartsPerSweep) {
                report.add(new HealAttempt(name, HealAttempt.RATE_LIMITED, "at most " + maxRestartsPerSweep + " restarts per sweep"));
                continue;
            }
            restarted++;
            attempts.record(name, Instant.now(), "requested");
            var outcome = restart(name);
            meters.restart(outcome.outcome());
            report.add(outcome);
        }
        return report;
    }

    /**
     * A zombie the liveness probe found (connected in Evolution's eyes, dead): restarted within the same hourly limit
     * as an instance stuck connecting, never when its last recorded close was WhatsApp ending the session (401/403).
     *
     * @param lastCloseReason the row's recorded disconnect reason, e.g. {@code device_removed (401)}, or null
     */
    public HealAttempt restartZombie(String name, String lastCloseReason, Instant now) {
        if (!integrations.monitoringPaused(List.of(name), now).isEmpty())
            return new HealAttempt(name, HealAttempt.PAUSED, "monitoring paused: the auto-heal leaves it alone");
        // --- maintenance windows: held, no restart ---
        if (holds.holds(name))
            return new HealAttempt(name, HealAttempt.SUPPRESSED, "held by a maintenance window");
        // --- end maintenance windows ---
        if (lastCloseReason != null && HealPolicy.REPAIR_CODES.stream().anyMatch(code -> lastCloseReason.contains("(" + code + ")")))
            return new HealAttempt(name, HealAttempt.REPAIR_NEEDED, "session ended by WhatsApp (" + lastCloseReason
                    + "); a restart cannot pair it again: scan a new QR code");
        int tried = attempts.since(List.of(name), now.minus(Duration.ofHours(1))).getOrDefault(name, 0);
        if (tried >= maxRestartsPerHour)
            return new HealAttempt(name, HealAttempt.RATE_LIMITED, tried + " restarts within the last hour already");
        attempts.record(name, Instant.now(), "requested");
        var outcome = restart(name, "zombie");
        meters.restart(outcome.outcome());
        return outcome;
    }

    HealAttempt restart(String name) {
        return restart(name, "stuck connecting");
    }

    HealAttempt restart(String name, String why) {
        var result = integrations.restart(name);
        return switch (result.outcome()) {
            case RESTARTED -> {
                LOG.info(() -> "Auto-heal: " + name + " was " + (why.equals("zombie") ? "a zombie" : why) + "; restarted");
                yield new HealAttempt(name, HealAttempt.RESTARTED, why + "; " + result.detail());
            }
            case MISSING -> new HealAttempt(name, HealAttempt.MISSING, "Evolution no longer has it");
            case BUSY -> new HealAttempt(name, HealAttempt.FAILED, "a pairing request for it is in progress");
            case FAILED -> {
                LOG.warning(() -> "Auto-heal: restart of " + name + " failed: " + result.detail());
                yield new HealAttempt(name, HealAttempt.FAILED, result.detail());
            }
        };
    }
}
