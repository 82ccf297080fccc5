package whatsapp.maintenance.fleethealth.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import whatsapp.evolution.instances.entity.CloseReason;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.fleethealth.entity.AfterSweep;
import whatsapp.maintenance.fleethealth.entity.InstanceHealth;
import whatsapp.maintenance.heal.control.HealPolicy;
import whatsapp.maintenance.heal.entity.InstanceState;
import whatsapp.maintenance.orphans.control.OrphanDetector;

/**
 * One sweep's comparison of our watched rows with Evolution's listing: what Evolution says about each row
 * (limited to what could change it), the rows absent from the listing to recheck by name (only Evolution's own
 * 404 makes them {@code missing}), the rows that could not be checked, and the instances as the sweep leaves
 * them. Data in, data out: no Evolution call, no database. Not thread-safe.
 */
public final class FleetComparison {

    final List<IntegrationSummary> rows;
    final List<EvolutionInstance> listed;
    final Instant at;
    final Map<String, EvolutionInstance> instances;
    final Map<String, Observation> observations = new LinkedHashMap<>();
    final Map<String, String> errors = new HashMap<>();
    final List<IntegrationSummary> recheck = new ArrayList<>();

    FleetComparison(List<IntegrationSummary> rows, List<EvolutionInstance> listed, Instant at) {
        this.rows = List.copyOf(rows);
        this.listed = List.copyOf(listed);
        this.at = at;
        this.instances = new HashMap<>(listed.size() * 2);
        for (var instance : listed) instances.put(instance.name(), instance);
    }

    /**
     * @param rows        the watched rows
     * @param maxRechecks rows absent from the listing rechecked per sweep: a listing that lost everything must not
     *                    mean 10,000 calls; the rest are errors, left to the next sweep
     * @param at          when the listing was asked for: a webhook applied while it was on its way is newer
     */
    public static FleetComparison of(List<IntegrationSummary> rows, List<EvolutionInstance> listed, int maxRechecks, Instant at) {
        var comparison = new FleetComparison(rows, listed, at);
        for (var row : comparison.rows) {
            var instance = comparison.instances.get(row.instanceName());
            if (instance != null) comparison.compare(row, instance);
            else if (row.status() == Status.missing) continue;
            else if (comparison.recheck.size() < maxRechecks) comparison.recheck.add(row);
            else comparison.errors.put(row.instanceName(),
                    "absent from the listing; recheck left to the next sweep (" + maxRechecks + " per sweep)");
        }
        return comparison;
    }

    /**
     * The rows whose recorded status the listing would change, to confirm with Evolution's live state before they
     * are changed (its listing shows its database, written on some events only, so it can lag a webhook we applied):
     * hand each answer to {@link #confirmed}. Beyond {@code max}, the changes are left to the next sweep (errors).
     * An instance Evolution lists closed that was never paired stays pending anyway: nothing to confirm.
     */
    public List<IntegrationSummary> toConfirm(int max) {
        var confirm = new ArrayList<IntegrationSummary>();
        for (var row : rows) {
            var seen = observations.get(row.instanceName());
            if (seen == null || seen.status() == row.status() || seen.status() == Status.missing) continue;
            if (row.status() == Status.pending && seen.status() == Status.disconnected && seen.disconnectReason() == null
                    && row.phoneNumber() == null && row.connectedAt() == null) continue;
            if (confirm.size() < max) confirm.add(row);
            else unconfirmed(row, "status change left to the next sweep (" + max + " confirmations per sweep)");
        }
        return confirm;
    }

    /**
     * What {@code connectionState} said about a row {@link #toConfirm} named. The live state agreeing with the row:
     * the listing lags, the row stays. Agreeing with the listing, or naming no state (an instance not loaded in
     * memory, whose database row is all there is): the listing's observation stands. Another state: that one is
     * observed. Anything else (404, unavailable): the row stays, an error for this sweep.
     */
    public void confirmed(IntegrationSummary row, Lookup live) {
        var name = row.instanceName();
        var listed = observations.get(name);
        if (listed == null) return;
        live.match(found -> {
            var seen = found.instance().observation(at).orElse(null);
            if (seen == null && refusalStands(row, listed)) {
                observations.remove(name);
                return null;
            }
            if (seen == null || seen.status() == listed.status()) return null;
            if (seen.status() == row.status()) observations.remove(name);
            else if (mayChange(row, seen)) observations.put(name, seen);
            else observations.remove(name);
            return null;
        }, missing -> unconfirmed(row, "listed, but connectionState answered 404; status change not confirmed"),
                unavailable -> unconfirmed(row, "status change not confirmed by connectionState: " + unavailable.reason()));
    }

    /**
     * Evolution gave up showing QR codes (the row says so) yet its database stays at {@code connecting}: only a live
     * {@code connecting} (codes shown again) may flip such a row back, never the listing alone.
     */
    static boolean refusalStands(IntegrationSummary row, Observation listed) {
        return row.status() == Status.disconnected && listed.status() == Status.connecting
                && (CloseReason.QR_LIMIT_REACHED.equals(row.disconnectReason()) || CloseReason.QR_REFUSED.equals(row.disconnectReason()));
    }

    /** The row stays as recorded this sweep, and the summary says why. */
    Void unconfirmed(IntegrationSummary row, String why) {
        observations.remove(row.instanceName());
        errors.put(row.instanceName(), why);
        return null;
    }

    /** Rows absent from the listing, to look up by name; hand each answer to {@link #rechecked}. */
    public List<IntegrationSummary> recheck() {
        return List.copyOf(recheck);
    }

    public void rechecked(IntegrationSummary row, Lookup lookup) {
        var name = row.instanceName();
        lookup.match(
                found -> compare(row, found.instance()),
                missing -> observations.put(name, Observation.missing(name, at)),
                unavailable -> errors.put(name, "absent from the listing and the recheck by name failed: " + unavailable.reason()));
    }

    /** @return the observation recorded, or null when the instance says nothing that could change the row */
    Observation compare(IntegrationSummary row, EvolutionInstance instance) {
        instances.put(row.instanceName(), instance);
        var seen = instance.observation(at).filter(observation -> mayChange(row, observation)).orElse(null);
        if (seen != null) observations.put(row.instanceName(), seen);
        return seen;
    }

    /**
     * Whether the observation could change the row at all; the rest are left out of the batch so that a quiet
     * sweep locks and updates nothing. Conservative: whatever might matter goes to {@code observe}, which decides.
     */
    static boolean mayChange(IntegrationSummary row, Observation seen) {
        if (seen.status() != row.status()) return true;
        if (seen.phoneNumber() != null && !seen.phoneNumber().equals(row.phoneNumber())) return true;
        if (seen.disconnectReason() != null && !Objects.equals(seen.disconnectReason(), row.disconnectReason())) return true;
        return seen.status() == Status.connected && row.connectedAt() == null;
    }

    /** What to record with one {@code Integrations.observe} call. */
    public List<Observation> observations() {
        return List.copyOf(observations.values());
    }

    /** Rows that could not be checked, and why. */
    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }

    /** The watched instances after {@code observe} made {@code changes}. */
    public AfterSweep after(List<StatusChange> changes) {
        var changed = new HashMap<String, StatusChange>(changes.size() * 2);
        for (var change : changes) changed.put(change.instanceName(), change);
        var states = new ArrayList<InstanceState>(rows.size());
        var attention = new ArrayList<InstanceHealth>();
        int healthy = 0;
        for (var row : rows) {
            var name = row.instanceName();
            var change = changed.get(name);
            var state = state(row, change, observations.get(name), instances.get(name));
            states.add(state);
            boolean isHealthy = state.status().healthy();
            if (isHealthy) healthy++;
            var error = errors.get(name);
            if (!isHealthy || change != null || error != null) {
                attention.add(new InstanceHealth(name, row.organizationId(), row.status(), state.status(), isHealthy,
                        change != null, state.disconnectReason(), error));
            }
        }
        attention.sort(Comparator.comparing(InstanceHealth::instanceName));
        return new AfterSweep(states, attention, healthy);
    }

    static InstanceState state(IntegrationSummary row, StatusChange change, Observation seen, EvolutionInstance listed) {
        var status = change != null ? change.to() : row.status();
        String reason = change != null ? change.reason()
                : seen != null && seen.disconnectReason() != null ? seen.disconnectReason() : row.disconnectReason();
        if (status == Status.connected || status == Status.connecting) reason = null;
        var since = change != null ? change.at() : first(row.statusChangedAt(), row.updatedAt(), row.createdAt());
        var connectedAt = change != null && change.to() == Status.connected && row.connectedAt() == null
                ? change.at() : row.connectedAt();
        var phone = seen != null && seen.phoneNumber() != null ? seen.phoneNumber() : row.phoneNumber();
        return new InstanceState(row.instanceName(), row.organizationId(), status, reason, since, connectedAt, phone, listed,
                row.evolutionServer());
    }

    static Instant first(Instant... candidates) {
        for (var candidate : candidates) if (candidate != null) return candidate;
        return null;
    }

    /**
     * What is worth an alert after the sweep: disconnected instances, numbers paired with several instances one of
     * which an integration uses, and the instances the auto-heal found beyond a restart's help.
     */
    public List<Subject> alertSubjects(AfterSweep after, List<InstanceState> repairNeeded) {
        var subjects = new ArrayList<Subject>();
        var ours = new HashSet<String>(after.states().size() * 2);
        for (var state : after.states()) {
            ours.add(state.instanceName());
            if (state.status() == Status.disconnected) subjects.add(Subject.disconnected(state.instanceName(),
                    state.organizationId(), state.disconnectReason(), state.statusChangedAt()));
        }
        for (var state : repairNeeded)
            subjects.add(Subject.repairNeeded(state.instanceName(), state.organizationId(), HealPolicy.sessionEndedReason(state),
                    state.statusChangedAt()));
        for (var duplicate : OrphanDetector.duplicates(listed, ours))
            if (!duplicate.kept().isEmpty()) subjects.add(Subject.duplicate(duplicate.phoneNumber(), duplicate.instances()));
        return subjects;
    }

    /** Every number the listing shows paired with several instances: a shared-number alert for any other is resolved. */
    public java.util.Set<String> sharedNumbers(java.util.Set<String> watched) {
        var numbers = new HashSet<String>();
        for (var duplicate : OrphanDetector.duplicates(listed, watched)) numbers.add(duplicate.phoneNumber());
        return numbers;
    }
}
