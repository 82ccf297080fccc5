package whatsapp.integrations.api;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The use cases the integrations module offers the other modules of the EAR. The maintenance module reaches it
 * through this EJB view; it never reads the integrations schema, and never drives its columns or audit log itself.
 */
@Local
public interface Integrations {

    String LOOKUP = "java:app/integrations-module/IntegrationsFacade!whatsapp.integrations.api.Integrations";

    /** Enabled integrations (none of them being deleted): the rows a health sweep or an orphan check compares with Evolution. */
    List<IntegrationSummary> watched();

    /** Every integration row, those being deleted included, ordered by instance name: the status report. */
    List<IntegrationSummary> inventory();

    /**
     * One page of the rows {@link #inventory()} lists, read by index: at most {@code limit} rows whose instance name
     * sorts after {@code afterInstanceName} (null: from the first), by instance name.
     */
    List<IntegrationSummary> inventoryPage(String afterInstanceName, int limit);

    /** The integration row using this instance name, if any (being deleted included); its server is {@code evolutionServer}. */
    Optional<IntegrationSummary> find(String instanceName);

    /**
     * Instance names in use here: by an integration row (enabled or being deleted) or by a creation in flight
     * (a provisioning claim). An instance so named is never an orphan.
     */
    Set<String> namesInUse();

    /**
     * How many integrations (none being deleted) are {@code webhook_unverified}: adopted instances that may send a webhook
     * secret matching no stored hash, until the background retry sets a fresh one.
     */
    long unverifiedWebhooks();

    /** How many integration rows have each status; statuses without rows are absent. */
    Map<Status, Long> countsByStatus();

    /**
     * Applies what a sweep or a webhook observed, in one transaction with one batched update: status, phone number,
     * {@code connected_at} (kept while connected) and disconnect reason. Every status change gets a history row, an
     * {@code instance.status_changed} event and a cache refresh; {@link StatusesRecorded} is fired inside the same
     * transaction (the alerts' hook). Rows being deleted, and names without a row, are
     * left alone; so is a row whose status changed after the observation was made.
     *
     * @return the status changes made, in the order of the observations
     */
    List<StatusChange> observe(List<Observation> observations, Source source);

    /**
     * Rewrites the routing cache entry ({@code whatsapp:instance:<name>}) of every watched row, with a fresh TTL, in
     * one pipelined Redis batch: a health sweep calls it after observing, so a stable instance's entry never expires,
     * and an entry Redis lost comes back. Never writes an entry for a row being deleted. Never throws for Redis: an
     * unusable Redis is an answer ({@link RoutingRefresh#done()} false).
     */
    RoutingRefresh refreshRoutingCache();

    /**
     * Status changes of one instance from {@code since} on, oldest first, preceded by the last change before
     * {@code since} when there is one (the state the window starts in).
     */
    List<StatusChange> history(String instanceName, Instant since);

    /**
     * Retires an integration through the same path as {@code DELETE /integrations/{id}}: marked deleting, Evolution
     * instance logged out and deleted, {@code instance.removed} published, cache invalidated, row deleted, audit
     * entry written under {@code actor}.
     */
    RetireResult retire(UUID integrationId, String actor, String reason);

    /**
     * Records an {@code instance.duplicate_number} event (one per instance named that has a row, through the outbox)
     * and an audit entry: two or more instances are paired with one WhatsApp number. Once per number and set of
     * instances within the cooldown ({@code duplicate-number.cooldown-hours}): a repeated report changes nothing.
     *
     * @param servers the Evolution server of each instance, in the order of {@code instanceNames} (empty: not known);
     *                named in the audit entry when the instances are on more than one server
     */
    void reportDuplicateNumber(String phoneNumber, List<String> instanceNames, List<String> servers, String actor);

    /**
     * Appends an audit entry per instance named, in the caller's transaction: under its integration (and so its
     * organization) when it has a row, else about the bare instance. For what other modules do to instances, such as
     * an operator acknowledging an alert.
     */
    void audit(String actor, String action, List<String> instanceNames, String reason);

    /**
     * Logs out and deletes an Evolution instance that no integration uses, unless the name is in use after all,
     * and audits the deletion under {@code actor}.
     */
    OrphanRemoval removeOrphan(String server, String instanceName, String actor, String reason);

    /** An orphan on the one server {@code default}. */
    default OrphanRemoval removeOrphan(String instanceName, String actor, String reason) {
        return removeOrphan(IntegrationSummary.DEFAULT_SERVER, instanceName, actor, reason);
    }

    /**
     * Rows per Evolution server and status (being deleted included); creations in flight count as {@code pending}. A
     * server no configuration names any more still appears here, under its name.
     */
    Map<String, Map<Status, Long>> countsByServer();

    /**
     * Restarts an instance (the auto-heal's action), never overlapping a pairing request or another restart of the
     * same instance anywhere in the cluster.
     */
    RestartResult restart(String instanceName);

    /**
     * The outbox events with a sequence above {@code after}, oldest first, at most {@code limit}, each the JSON sent to
     * Redis (every organization's): what a node's live console stream relays, read from the database so that a change
     * recorded on any node of the cluster reaches every node's listeners.
     */
    List<String> eventsAfter(long after, int limit);

    /**
     * Instance names of connected, enabled rows the liveness probe has not probed within {@code period} and no probe
     * holds now, the longest unprobed first, at most {@code limit}: what the rolling probe takes next.
     */
    List<String> probeDue(java.time.Duration period, int limit);

    /**
     * Leases one connected, enabled instance to a liveness probe for {@code lease}, cluster-wide (the database row),
     * unless another probe holds it or it was probed within {@code period} (zero: probe it whenever no probe holds it).
     * Marks it probed now. Empty: not connected, not ours, or not due.
     */
    Optional<ProbeTarget> leaseProbe(String instanceName, java.time.Duration period, java.time.Duration lease);

    /**
     * Records a liveness probe's answer and ends its lease: {@code dead} on a connected instance makes it a zombie
     * ({@code probe_failed_at}, {@code probe_answer}, a history entry with source {@code probe}) the first time; an
     * answer from a zombie clears it (history entry too). A row no longer connected is left alone.
     */
    ProbeRecorded recordProbe(String instanceName, boolean dead, String answer, Instant at);

    /** Connected rows the liveness probe has found dead (zombies) and not seen answering since. */
    long zombies();

    /**
     * Records Evolution's instance id of rows that have none yet (rows made before ids were kept, adopted ones), by
     * instance name; a row with an id keeps it.
     */
    void learnInstanceIds(Map<String, String> idsByInstanceName);

    /**
     * The instance was deleted and created again outside this service (a listing shows its name with another id):
     * records the new id, audits {@code instance.recreated} under {@code actor}, publishes an {@code instance.recreated}
     * event, and has our webhook and a fresh secret set again (the background webhook repair, at once). Only when the
     * row still records {@code previousId}. @return false when it did not (already recorded, gone, being deleted)
     */
    boolean instanceRecreated(String instanceName, String previousId, String newId, String actor);

    /**
     * Instance names of enabled rows (none being deleted) whose webhook settings were not compared with Evolution's
     * within {@code period}, the longest unchecked first, at most {@code limit}: what the rolling webhook check takes next.
     */
    List<String> webhookCheckDue(java.time.Duration period, int limit);

    /**
     * Compares Evolution's stored webhook settings of the instance with ours (URL, enabled, events, our secret header)
     * and sets ours again with a fresh secret when they differ, audited under {@code actor}. A {@code null} answer while
     * Evolution has not loaded the instance (right after its restart) is not drift: checked again later. Takes the row
     * (cluster-wide) unless it was checked within {@code period} (zero: whenever it is not being repaired).
     */
    WebhookCheck checkWebhook(String instanceName, java.time.Duration period, String actor);

    /**
     * The Evolution servers that get no new instance, each with why (e.g. it shares its database with another server):
     * replaces the whole set (a server not named gets new instances again). A health sweep writes it.
     */
    void holdPlacement(Map<String, String> reasonByServer);

    /** The servers {@link #holdPlacement} holds now, each with why. */
    Map<String, String> placementHolds();

    /** The highest sequence an outbox event has been given so far (0 when none): where a live stream starts. */
    long lastEventSequence();

    // --- paused monitoring (issue 16) ---
    /**
     * Which of these instances have their monitoring paused at {@code at} ({@code PUT /integrations/{id}/monitoring}):
     * no alert is raised or repeated about them and the auto-heal leaves them alone until the pause ends; sweeps still
     * record their status. Empty for no names.
     */
    Set<String> monitoringPaused(java.util.Collection<String> instanceNames, Instant at);

    enum RetireResult {
        /** every step finished */
        DONE,
        /** Evolution unreachable: the row is {@code deleting} and a background retry finishes it */
        PENDING,
        /** no such integration */
        UNKNOWN
    }
}
