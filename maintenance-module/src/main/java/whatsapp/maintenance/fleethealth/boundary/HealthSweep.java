package whatsapp.maintenance.fleethealth.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.evolution.instances.boundary.Evolution;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.maintenance.alerts.boundary.Alerts;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.fleethealth.control.HealPolicy;
import whatsapp.maintenance.fleethealth.control.RestartAttempts;
import whatsapp.maintenance.fleethealth.entity.HealAttempt;
import whatsapp.maintenance.fleethealth.entity.HealthSummary;
import whatsapp.maintenance.fleethealth.entity.InstanceHealth;
import whatsapp.maintenance.fleethealth.entity.InstanceState;
import whatsapp.maintenance.fleethealth.entity.Sweep;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;
import whatsapp.maintenance.orphans.control.OrphanDetector;
import whatsapp.web.problems.boundary.EvolutionUnavailable;

/**
 * One look at the whole fleet: one {@code fetchInstances} call, each enabled row compared with its instance,
 * rows absent from the listing rechecked by name (only Evolution's own 404 makes them {@code missing}), and
 * everything observed recorded with one {@code Integrations.observe} call (one transaction, one batched update,
 * history, events, cache). Then the follow-ups: restarts of instances stuck connecting, alerts, gauges. No
 * transaction spans an Evolution call. Runs go through {@link SweepRuns}, which holds the cluster-wide lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthSweep {

    static final Logger LOG = Logger.getLogger(HealthSweep.class.getName());

    @Inject
    Evolution evolution;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @EJB
    RestartAttempts attempts;

    @EJB
    Alerts alerts;

    @Inject
    MaintenanceMeters meters;

    /** Rows absent from the listing rechecked per sweep; a listing that lost everything must not mean 10,000 calls. */
    @Inject
    @ConfigProperty(name = "health.max-rechecks", defaultValue = "50")
    int maxRechecks;

    @Inject
    @ConfigProperty(name = "heal.connecting-minutes", defaultValue = "10")
    int connectingMinutes;

    @Inject
    @ConfigProperty(name = "heal.max-restarts-per-hour", defaultValue = "3")
    int maxRestartsPerHour;

    @Inject
    @ConfigProperty(name = "heal.max-restarts-per-sweep", defaultValue = "20")
    int maxRestartsPerSweep;

    public Sweep sweep(HealthSummary.Run run) {
        // what the listing shows is as of the moment we asked: a webhook applied while it was on its
        // way is newer, and observe() leaves such rows alone
        var asked = Instant.now();
        var listing = evolution.list();
        if (listing instanceof Listing.Unavailable unavailable) {
            LOG.warning(() -> "Health sweep: Evolution listing unusable (" + unavailable.reason() + "); no status changed");
            return new Sweep.Unavailable(HealthSummary.unavailable(run, new EvolutionUnavailable(unavailable.reason()).getMessage()),
                    unavailable.reason());
        }
        var listed = (Listing.Listed) listing;
        var now = asked;
        var phases = new Phases();
        var rows = integrations.watched();
        phases.mark("rows");
        var instances = new HashMap<String, EvolutionInstance>(listed.instances().size() * 2);
        for (var instance : listed.instances()) instances.put(instance.name(), instance);

        var errors = new HashMap<String, String>();
        var observations = observe(rows, instances, errors, now);
        phases.mark("compare");
        var changes = integrations.observe(new ArrayList<>(observations.values()), Source.sweep);
        phases.mark("observe");

        var changed = new HashMap<String, StatusChange>(changes.size() * 2);
        for (var change : changes) changed.put(change.instanceName(), change);
        var states = new ArrayList<InstanceState>(rows.size());
        var report = new ArrayList<InstanceHealth>();
        int healthy = 0;
        for (var row : rows) {
            var state = after(row, changed.get(row.instanceName()), observations.get(row.instanceName()),
                    instances.get(row.instanceName()));
            states.add(state);
            boolean isHealthy = state.status().healthy();
            if (isHealthy) healthy++;
            var error = errors.get(row.instanceName());
            var change = changed.get(row.instanceName());
            if (!isHealthy || change != null || error != null) {
                report.add(new InstanceHealth(row.instanceName(), row.organizationId(), row.status(), state.status(), isHealthy,
                        change != null, state.disconnectReason(), error));
            }
        }
        report.sort(Comparator.comparing(InstanceHealth::instanceName));
        record(changes);

        phases.mark("report");
        var subjects = new ArrayList<Subject>();
        var restarts = heal(states, now, subjects);
        phases.mark("heal");
        int alertsSent = alert(states, listed, subjects, now);
        phases.mark("alerts");
        int failedRestarts = (int) restarts.stream().filter(r -> HealAttempt.FAILED.equals(r.outcome())).count();

        var completed = Instant.now();
        var summary = new HealthSummary(run.id(), run.startedAt(), completed, HealthSummary.seconds(run.startedAt(), completed),
                run.triggeredBy(), rows.size(), healthy, rows.size() - healthy, changes.size(), errors.size() + failedRestarts,
                report, restarts, alertsSent, null);
        LOG.info(() -> "Health sweep: " + summary.totalInstances() + " instances, " + summary.healthy() + " healthy, "
                + summary.statusChanges() + " status changes, " + summary.errors() + " errors, " + restarts.size()
                + " heal actions, " + alertsSent + " alerts, " + summary.durationSeconds() + " s (listing until "
                + Duration.between(run.startedAt(), now).toMillis() + " ms, then " + phases + ")");
        return new Sweep.Done(summary);
    }

    /** Milliseconds per step, for the log line: where a slow sweep spends its time. */
    static final class Phases {
        final StringBuilder text = new StringBuilder();
        long last = System.nanoTime();

        void mark(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** What Evolution says about each row, limited to what could change it; absent rows rechecked by name. */
    Map<String, Observation> observe(List<IntegrationSummary> rows, Map<String, EvolutionInstance> instances,
                                     Map<String, String> errors, Instant now) {
        var observations = new HashMap<String, Observation>();
        int rechecks = 0;
        for (var row : rows) {
            var name = row.instanceName();
            var instance = instances.get(name);
            if (instance == null) {
                if (row.status() == Status.missing) continue;
                if (rechecks++ >= maxRechecks) {
                    errors.put(name, "absent from the listing; recheck left to the next sweep (" + maxRechecks + " per sweep)");
                    continue;
                }
                var lookup = evolution.lookup(name);
                if (lookup instanceof Lookup.Unavailable unavailable) {
                    errors.put(name, "absent from the listing and the recheck by name failed: " + unavailable.reason());
                    continue;
                }
                if (lookup instanceof Lookup.Missing) {
                    observations.put(name, Observation.missing(name, now));
                    continue;
                }
                instance = ((Lookup.Found) lookup).instance();
                instances.put(name, instance);
            }
            instance.observation(now).filter(seen -> mayChange(row, seen))
                    .ifPresent(seen -> observations.put(name, seen));
        }
        return observations;
    }

    /**
     * Whether the observation could change the row at all; the rest are left out of the batch so that a quiet
     * sweep locks and updates nothing. Conservative: whatever might matter goes to {@code observe}, which decides.
     */
    static boolean mayChange(IntegrationSummary row, Observation seen) {
        if (seen.status() != row.status()) return true;
        if (seen.phoneNumber() != null && !seen.phoneNumber().equals(row.phoneNumber())) return true;
        if (seen.disconnectReason() != null && !java.util.Objects.equals(seen.disconnectReason(), row.disconnectReason())) return true;
        return seen.status() == Status.connected && row.connectedAt() == null;
    }

    static InstanceState after(IntegrationSummary row, StatusChange change, Observation seen, EvolutionInstance listed) {
        var status = change != null ? change.to() : row.status();
        String reason = change != null ? change.reason()
                : seen != null && seen.disconnectReason() != null ? seen.disconnectReason() : row.disconnectReason();
        if (status == Status.connected || status == Status.connecting) reason = null;
        var since = change != null ? change.at() : first(row.statusChangedAt(), row.updatedAt(), row.createdAt());
        var connectedAt = change != null && change.to() == Status.connected && row.connectedAt() == null
                ? change.at() : row.connectedAt();
        var phone = seen != null && seen.phoneNumber() != null ? seen.phoneNumber() : row.phoneNumber();
        return new InstanceState(row.instanceName(), row.organizationId(), status, reason, since, connectedAt, phone, listed);
    }

    static Instant first(Instant... candidates) {
        for (var candidate : candidates) if (candidate != null) return candidate;
        return null;
    }

    /** The gauges as the sweep left the rows (counted after its changes are recorded), and the disconnections. */
    void record(List<StatusChange> changes) {
        meters.instances(integrations.countsByStatus());
        for (var change : changes) if (change.to() == Status.disconnected) meters.disconnect(change.reason());
    }

    /** Restarts instances stuck connecting, within the hourly and per-sweep limits; reports those a restart cannot help. */
    List<HealAttempt> heal(List<InstanceState> states, Instant now, List<Subject> subjects) {
        var threshold = Duration.ofMinutes(connectingMinutes);
        var report = new ArrayList<HealAttempt>();
        var stuck = new ArrayList<InstanceState>();
        for (var state : states) {
            var verdict = HealPolicy.judge(state, threshold, now);
            if (verdict == HealPolicy.Verdict.RESTART) stuck.add(state);
            if (verdict == HealPolicy.Verdict.REPAIR_NEEDED) {
                var reason = "session ended by WhatsApp (" + state.listed().disconnectionReasonCode() + ")";
                subjects.add(Subject.repairNeeded(state.instanceName(), state.organizationId(), reason, state.statusChangedAt()));
                report.add(new HealAttempt(state.instanceName(), HealAttempt.REPAIR_NEEDED,
                        reason + "; a restart cannot pair it again: scan a new QR code"));
            }
        }
        attempts.forgetBefore(now.minus(Duration.ofDays(1)));
        if (stuck.isEmpty()) return report;
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

    HealAttempt restart(String name) {
        var result = integrations.restart(name);
        return switch (result.outcome()) {
            case RESTARTED -> {
                LOG.info(() -> "Auto-heal: " + name + " was stuck connecting; restarted");
                yield new HealAttempt(name, HealAttempt.RESTARTED, "stuck connecting; " + result.detail());
            }
            case MISSING -> new HealAttempt(name, HealAttempt.MISSING, "Evolution no longer has it");
            case BUSY -> new HealAttempt(name, HealAttempt.FAILED, "a pairing request for it is in progress");
            case FAILED -> {
                LOG.warning(() -> "Auto-heal: restart of " + name + " failed: " + result.detail());
                yield new HealAttempt(name, HealAttempt.FAILED, result.detail());
            }
        };
    }

    /** Disconnected instances, duplicate numbers and repairs needed, through the cooldown and the grouping. */
    int alert(List<InstanceState> states, Listing.Listed listed, List<Subject> subjects, Instant now) {
        var candidates = new ArrayList<Subject>();
        var ours = new HashSet<String>(states.size() * 2);
        for (var state : states) {
            ours.add(state.instanceName());
            if (state.status() == Status.disconnected) candidates.add(Subject.disconnected(state.instanceName(),
                    state.organizationId(), state.disconnectReason(), state.statusChangedAt()));
        }
        candidates.addAll(subjects);
        for (var duplicate : OrphanDetector.duplicates(listed.instances(), ours))
            if (!duplicate.kept().isEmpty()) candidates.add(Subject.duplicate(duplicate.phoneNumber(), duplicate.instances()));
        return alerts.send(candidates, now);
    }
}
