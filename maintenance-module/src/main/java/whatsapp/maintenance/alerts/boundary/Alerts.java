package whatsapp.maintenance.alerts.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusesRecorded;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.alerts.control.AlertPolicy;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.entity.AlertState;
import whatsapp.maintenance.alerts.entity.AlertView;
import whatsapp.maintenance.alerts.entity.AlertsWritten;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.web.problems.boundary.NotFound;

/**
 * Alerts to a human, raised where a change is recorded and written in that transaction: a webhook's or a sweep's
 * status change ({@link StatusesRecorded}), a sweep's review of what still needs attention, a cleanup's duplicate
 * number. Each alert owes the receiver notices ({@code raised}, {@code reminder}, {@code resolved}) that
 * {@link AlertRelay} delivers after the commit, retrying until the receiver accepts them: a crash between the change
 * and the delivery loses nothing.
 */
@Stateless
public class Alerts {

    static final String CONNECTED_AGAIN = "connected again";
    static final String NO_LONGER_CONNECTED = "no longer connected";

    @Inject
    AlertBook book;

    @Inject
    AlertWebhook webhook;

    @Inject
    Event<AlertsWritten> written;

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    @ConfigProperty(name = "alert.cooldown-minutes", defaultValue = "30")
    int cooldownMinutes;

    /** More status changes than this within the flap window is flapping. */
    @Inject
    @ConfigProperty(name = "flap.changes", defaultValue = "6")
    int flapChanges;

    @Inject
    @ConfigProperty(name = "flap.window-minutes", defaultValue = "10")
    long flapWindowMinutes;

    /** The flap window in seconds instead, when set (the system tests use a few seconds). */
    @Inject
    @ConfigProperty(name = "flap.window-seconds")
    java.util.Optional<Long> flapWindowSeconds;

    Duration flapWindow() {
        return flapWindowSeconds.map(Duration::ofSeconds).orElse(Duration.ofMinutes(flapWindowMinutes));
    }

    /** Instances with an unresolved {@code instance.flapping} alert: no per-change alert, no auto-heal for them. */
    public Set<String> flapping() {
        var names = new HashSet<String>();
        for (var open : book.unresolved(null).values())
            if (open.subject().startsWith(Subject.FLAPPING_PREFIX)) names.add(open.subject().substring(Subject.FLAPPING_PREFIX.length()));
        return names;
    }

    /**
     * Webhook changes only (a sweep sees at most one change per instance every few minutes): each instance changed is
     * counted over the flap window; flapping raises one {@code instance.flapping} alert.
     *
     * @return the instances flapping now (already alerted or just raised)
     */
    Set<String> detectFlapping(List<whatsapp.integrations.api.StatusChange> changes, Instant now) {
        var flapping = new HashSet<String>();
        var byName = new java.util.LinkedHashMap<String, whatsapp.integrations.api.StatusChange>();
        for (var change : changes) if (change.source() == whatsapp.integrations.api.Source.webhook) byName.put(change.instanceName(), change);
        if (byName.isEmpty()) return flapping;
        var keys = byName.keySet().stream().map(Subject::flappingKey).toList();
        var open = book.unresolved(keys);
        var window = flapWindow();
        var raise = new ArrayList<Subject>();
        for (var change : byName.values()) {
            var name = change.instanceName();
            if (open.containsKey(Subject.flappingKey(name))) {
                flapping.add(name);
                continue;
            }
            var recent = whatsapp.maintenance.alerts.control.FlapPolicy.within(integrations.history(name, now.minus(window)), window, now);
            if (whatsapp.maintenance.alerts.control.FlapPolicy.flapping(recent, flapChanges)) {
                flapping.add(name);
                raise.add(Subject.flapping(name, change.organizationId(),
                        whatsapp.maintenance.alerts.control.FlapPolicy.detail(recent, window)));
            }
        }
        if (!raise.isEmpty()) raise(decide(raise, now, false).raise(), now);
        return flapping;
    }

    /**
     * PAIRING_URL_TEMPLATE: the frontend's page that re-pairs a clinic, with {@code {integration_id}} and
     * {@code {organization_id}}; an alert that only a new QR scan repairs carries it as {@code pairing_url}.
     */
    @Inject
    @ConfigProperty(name = "pairing.url-template")
    java.util.Optional<String> pairingUrlTemplate;

    /**
     * In the recording transaction: a disconnection only a new QR scan repairs (device removed, logged out, banned)
     * and a number now paired with several connected instances are raised at once; an instance connected again
     * resolves its alert. Other disconnections may heal on their own: the next sweep raises them if not.
     */
    public void recorded(StatusesRecorded recorded) {
        var now = Instant.now();
        var connected = new ArrayList<String>();
        var candidates = new ArrayList<Subject>();
        var notConnected = new ArrayList<String>();
        for (var change : recorded.changes()) {
            if (change.from() == Status.connected && change.to() != Status.connected)
                notConnected.add(Subject.zombieKey(change.instanceName()));
            if (change.to() == Status.connected) connected.add(Subject.instanceKey(change.instanceName()));
            else if (change.to() == Status.disconnected && AlertPolicy.endsTheSession(change.reason()))
                candidates.add(Subject.disconnected(change.instanceName(), change.organizationId(), change.reason(), change.at()));
        }
        for (var shared : recorded.sharedNumbers())
            candidates.add(Subject.duplicate(shared.phoneNumber(), shared.instanceNames()));
        var flapping = detectFlapping(recorded.changes(), now);
        if (!flapping.isEmpty()) {
            // while it flaps, its changes are not alerted one by one
            candidates.removeIf(subject -> !Subject.DUPLICATE_NUMBER.equals(subject.kind())
                    && flapping.contains(subject.instanceNames().get(0)));
            written.fire(new AlertsWritten());
        }
        int resolved = book.resolve(connected, CONNECTED_AGAIN, now, webhook.configured())
                + book.resolve(notConnected, NO_LONGER_CONNECTED, now, webhook.configured());
        var decision = decide(candidates, now, false);
        if (resolved + raise(decision.raise(), now) > 0) written.fire(new AlertsWritten());
    }

    /**
     * A sweep's review: raises what is due among what still needs attention, repeats open alerts a cooldown old, and
     * resolves the alerts whose cause is gone (connected again, integration removed, number no longer shared).
     *
     * @param watched       every watched instance name, with the connected ones
     * @param sharedNumbers every number the listing shows paired with several instances
     * @param since         when the sweep began: alerts raised since (by its own recorded changes) count as its own
     * @return alerts raised or repeated by this sweep
     */
    public int review(List<Subject> candidates, Set<String> watched, Set<String> connected, Set<String> sharedNumbers,
                      Instant since) {
        return review(candidates, watched, connected, sharedNumbers, since, Set.of());
    }

    /** @param webhookSettled watched instances whose webhook is ours again: their {@code instance.recreated} alert resolves */
    public int review(List<Subject> candidates, Set<String> watched, Set<String> connected, Set<String> sharedNumbers,
                      Instant since, Set<String> webhookSettled) {
        var now = Instant.now();
        boolean notify = webhook.configured();
        var stale = new ArrayList<String>();
        var gone = new ArrayList<String>();
        var notConnected = new ArrayList<String>();
        var settled = new ArrayList<String>();
        var stableAgain = new ArrayList<String>();
        var flappingNow = new HashSet<String>();
        for (var open : book.unresolved(null).values()) {
            var subject = open.subject();
            if (subject.startsWith("number:")) {
                if (!sharedNumbers.contains(subject.substring("number:".length()))) gone.add(subject);
            } else if (subject.startsWith(Subject.FLAPPING_PREFIX)) {
                var name = subject.substring(Subject.FLAPPING_PREFIX.length());
                flappingNow.add(name);
                if (!watched.contains(name)) gone.add(subject);
                else if (whatsapp.maintenance.alerts.control.FlapPolicy.within(integrations.history(name, now.minus(flapWindow())),
                        flapWindow(), now).isEmpty()) {
                    stableAgain.add(subject);
                    flappingNow.remove(name);
                }
            } else if (subject.startsWith(Subject.RECREATED_PREFIX) || subject.startsWith(Subject.WEBHOOK_PREFIX)) {
                var name = subject.substring(subject.indexOf(':') + 1);
                if (!watched.contains(name)) gone.add(subject);
                else if (webhookSettled.contains(name)) settled.add(subject);
            } else if (subject.startsWith(Subject.WINDOW_PREFIX) || subject.startsWith(Subject.SHARED_DATABASE_PREFIX)) {
                continue; // maintenance windows and shared databases: resolved by their own owners
            } else if (subject.startsWith(Subject.ZOMBIE_PREFIX)) {
                // a zombie is connected: only the probe answering, or the instance leaving connected, ends it
                var name = subject.substring(Subject.ZOMBIE_PREFIX.length());
                if (!watched.contains(name)) gone.add(subject);
                else if (!connected.contains(name)) notConnected.add(subject);
            } else {
                var name = subject.substring("instance:".length());
                if (!watched.contains(name)) gone.add(subject);
                else if (connected.contains(name)) stale.add(subject);
            }
        }
        int resolved = book.resolve(stale, CONNECTED_AGAIN, now, notify)
                + book.resolve(notConnected, NO_LONGER_CONNECTED, now, notify)
                + book.resolve(settled, "our webhook and its secret are set again", now, notify)
                + book.resolve(stableAgain, "stable: no status change for " + flapWindow().toSeconds() + " s", now, notify)
                + book.resolve(gone, "the integration or the shared number is gone", now, notify);
        if (!flappingNow.isEmpty()) {
            candidates = new ArrayList<>(candidates);
            candidates.removeIf(subject -> !Subject.DUPLICATE_NUMBER.equals(subject.kind())
                    && flappingNow.contains(subject.instanceNames().get(0)));
        }
        candidates = unpaused(candidates, now);
        var unresolved = book.unresolved(keys(candidates));
        int ownRaised = (int) candidates.stream().map(Subject::key).distinct().map(unresolved::get)
                .filter(open -> open != null && !open.lastNoticeAt().isBefore(since)).count();
        var decision = AlertPolicy.decide(candidates, unresolved, book.lastRaised(keys(candidates)),
                Duration.ofMinutes(cooldownMinutes), now, true);
        int raised = raise(decision.raise(), now);
        book.remind(decision.remind(), now, notify);
        if (resolved + raised + decision.remind().size() > 0) written.fire(new AlertsWritten());
        return ownRaised + raised + decision.remind().size();
    }

    /** A zombie the liveness probe found: raised once (unless it is already, or was within the cooldown). */
    public void zombie(String instanceName, String organizationId, String answer, Instant since) {
        var now = Instant.now();
        if (raise(decide(List.of(Subject.zombie(instanceName, organizationId, answer, since)), now, false).raise(), now) > 0)
            written.fire(new AlertsWritten());
    }

    /** An instance deleted and created again behind our back: raised once. */
    public void recreated(String instanceName, String organizationId, String previousId, String newId) {
        var now = Instant.now();
        if (raise(decide(List.of(Subject.recreated(instanceName, organizationId, previousId + " → " + newId)), now, false)
                .raise(), now) > 0) written.fire(new AlertsWritten());
    }

    /** A webhook whose repair Evolution did not take: raised once; resolved once our webhook is set again. */
    public void webhookDrift(String instanceName, String organizationId, String detail) {
        var now = Instant.now();
        if (raise(decide(List.of(Subject.webhookDrift(instanceName, organizationId, detail)), now, false).raise(), now) > 0)
            written.fire(new AlertsWritten());
    }

    /** The zombie's alert, if any, resolved: the probe answered again, or the instance is no longer connected. */
    public void zombieGone(String instanceName, String resolution) {
        if (book.resolve(List.of(Subject.zombieKey(instanceName)), resolution, Instant.now(), webhook.configured()) > 0)
            written.fire(new AlertsWritten());
    }

    /** A cleanup's duplicate number: raised unless it is already, or was within the cooldown. */
    public void duplicateNumber(String phoneNumber, List<String> instances) {
        var now = Instant.now();
        if (raise(decide(List.of(Subject.duplicate(phoneNumber, instances)), now, false).raise(), now) > 0)
            written.fire(new AlertsWritten());
    }

    public List<AlertView> list(AlertState state, int limit) {
        return book.list(state, limit);
    }

    /**
     * An operator saw it: no reminder follows (a resolved notice still does), audited under the actor for every
     * instance it names. Acknowledging twice changes nothing. @throws NotFound for an unknown id
     */
    public AcknowledgeResult acknowledge(UUID id, String actor) {
        var alert = book.find(id).orElseThrow(() -> new NotFound("No alert " + id + "; GET /maintenance/alerts lists them"));
        if (alert.state() != AlertState.open) return new AcknowledgeResult(alert, false);
        if (!book.acknowledge(id, actor, Instant.now())) return new AcknowledgeResult(book.find(id).orElseThrow(), false);
        integrations.audit(actor, "alert.acknowledged", alert.instanceNames(), alert.type() + " alert " + id
                + (alert.reason() == null ? "" : " (" + alert.reason() + ")"));
        return new AcknowledgeResult(book.find(id).orElseThrow(), true);
    }

    /** @param changed false: the alert was acknowledged or resolved already */
    public record AcknowledgeResult(AlertView alert, boolean changed) {
    }

    AlertPolicy.Decision decide(List<Subject> candidates, Instant now, boolean reminders) {
        candidates = unpaused(candidates, now);
        if (candidates.isEmpty()) return new AlertPolicy.Decision(List.of(), List.of());
        var keys = keys(candidates);
        return AlertPolicy.decide(candidates, book.unresolved(keys), book.lastRaised(keys),
                Duration.ofMinutes(cooldownMinutes), now, reminders);
    }

    /** Maintenance windows: alerts about instances on a server a window holds now are not raised (a later sweep does). */
    @Inject
    whatsapp.maintenance.holds.control.Holds holds;

    int raise(List<Subject> subjects, Instant now) {
        // --- maintenance windows: held, not raised ---
        subjects = holds.without(subjects, Alerts::heldInstance, subject -> holds.serverOf(heldInstance(subject)));
        // --- end maintenance windows ---
        int raised = 0;
        for (var subject : subjects)
            if (book.raise(subject, AlertPolicy.body(subject, now, pairingUrl(subject)).toString(), now, webhook.configured())) raised++;
        return raised;
    }

    /** The instance a window may hold an alert about; none for a duplicate number (it spans instances). */
    static String heldInstance(Subject subject) {
        return Subject.DUPLICATE_NUMBER.equals(subject.kind()) ? null : subject.instanceNames().get(0);
    }

    /** The link to re-pair the subject's integration, for an alert only a new QR scan repairs; null otherwise. */
    String pairingUrl(Subject subject) {
        if (pairingUrlTemplate.isEmpty() || pairingUrlTemplate.get().isBlank() || Subject.DUPLICATE_NUMBER.equals(subject.kind()))
            return null;
        if (!Subject.REPAIR_NEEDED.equals(subject.kind()) && !AlertPolicy.needsRepairing(subject.detail())) return null;
        return integrations.find(subject.instanceNames().get(0))
                .map(integration -> AlertPolicy.pairingUrl(pairingUrlTemplate.get(), integration.id().toString(), integration.organizationId()))
                .orElse(null);
    }

    // --- paused monitoring (issue 16) ---
    /**
     * The candidates without those about instances whose monitoring is paused (PUT /integrations/{id}/monitoring), as
     * the integrations module says: no alert is raised or repeated about them until the pause ends; the first sweep
     * after it raises what is still wrong. A shared number is left out only when every instance sharing it is paused.
     */
    List<Subject> unpaused(List<Subject> candidates, Instant now) {
        if (candidates.isEmpty()) return candidates;
        var names = new HashSet<String>();
        candidates.forEach(subject -> names.addAll(subject.instanceNames()));
        var paused = integrations.monitoringPaused(names, now);
        if (paused.isEmpty()) return candidates;
        return candidates.stream().filter(subject -> !paused.containsAll(subject.instanceNames())).toList();
    }
    // --- end of paused monitoring ---

    static Collection<String> keys(List<Subject> subjects) {
        var keys = new HashSet<String>();
        subjects.forEach(subject -> keys.add(subject.key()));
        return keys;
    }
}
