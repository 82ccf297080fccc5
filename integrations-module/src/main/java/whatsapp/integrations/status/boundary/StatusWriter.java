package whatsapp.integrations.status.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;
import whatsapp.integrations.api.StatusesRecorded;
import whatsapp.integrations.events.control.Outbox;
import whatsapp.integrations.status.control.Recording;
import whatsapp.integrations.status.control.WebhookOrder;
import whatsapp.integrations.status.control.StatusRows;
import whatsapp.infrastructure.sql.WhatsAppDataSource;

/**
 * The one writer of integration statuses. Observations of many instances go in one transaction: one locking read of
 * the rows concerned, one batched update, history rows and {@code instance.status_changed} events for the changes,
 * and, once committed, the relay publishes the events and refreshes each one's routing-cache entry from the row (so
 * a status change never writes the entry of an integration whose deletion finished meanwhile).
 */
@Stateless
public class StatusWriter {

    static final Logger LOG = Logger.getLogger(StatusWriter.class.getName());

    /** A delivery this much older than the last one applied means Evolution's clock stepped back (DST fall-back). */
    @Inject
    @ConfigProperty(name = "webhook.clock-reset-seconds", defaultValue = "300")
    long clockResetSeconds;

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @Inject
    Outbox outbox;

    /** Observers (the alerts) write in this transaction: what they record commits with the change. */
    @Inject
    Event<StatusesRecorded> recorded;


    public List<StatusChange> observe(List<Observation> observations, Source source) {
        try (var connection = dataSource.getConnection()) {
            return record(connection, observations, source).changes();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording observations failed: " + e.getSQLState(), e);
        }
    }

    /** What became of a webhook delivery: applied (the status now recorded), or ignored and why. */
    public record WebhookResult(boolean applied, Status status, String reason) {

        static WebhookResult ignored(String reason) {
            return new WebhookResult(false, null, reason);
        }
    }

    /**
     * A webhook's observation, applied in Evolution's order ({@link WebhookOrder}: by its timestamps, the later arrival
     * for one millisecond, a far step back taken as a clock reset) and only when no newer state was recorded; the
     * delivery is then stamped with the moment it is applied, under the row's lock, so that webhooks applied one after
     * the other carry increasing times.
     *
     * @param digest a fingerprint of the delivery: the same delivery sent again is not applied twice
     */
    public WebhookResult observeWebhook(Observation seen, Instant stamped, String digest) {
        // compared with the stamp stored before, which PostgreSQL keeps to the microsecond
        var evolutionTime = stamped.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (var connection = dataSource.getConnection()) {
            var place = StatusRows.lockWebhookPlace(connection, seen.instanceName());
            if (place.isEmpty()) return WebhookResult.ignored("unknown instance");
            var order = WebhookOrder.of(place.get().lastAt(), place.get().lastDigest(), evolutionTime, digest,
                    Duration.ofSeconds(clockResetSeconds));
            if (!order.applies()) return WebhookResult.ignored(order.reason());
            if (order == WebhookOrder.CLOCK_RESET) {
                LOG.warning(() -> "Webhook for " + seen.instanceName() + " stamped " + evolutionTime + ", "
                        + Duration.between(evolutionTime, place.get().lastAt()).toSeconds() + " s before the last one applied:"
                        + " taken as a reset of Evolution's clock and applied");
            }
            var applied = new Observation(seen.instanceName(), seen.status(), seen.phoneNumber(), seen.disconnectReason(),
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            StatusRows.advanceWebhookOrder(connection, seen.instanceName(), evolutionTime, digest, applied.observedAt());
            var recording = record(connection, List.of(applied), Source.webhook);
            if (!recording.stale().isEmpty()) return WebhookResult.ignored("a newer state is recorded already");
            return new WebhookResult(true, recording.changes().isEmpty() ? place.get().status() : recording.changes().get(0).to(), null);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording the webhook failed: " + e.getSQLState(), e);
        }
    }

    Recording record(Connection connection, List<Observation> observations, Source source) throws SQLException {
        var latest = Recording.latest(observations);
        var recording = Recording.plan(latest, StatusRows.lock(connection, latest.keySet()), source);
        StatusRows.update(connection, recording.updates());
        StatusRows.recordHistory(connection, recording.changes());
        outbox.appendStatusChanges(connection, recording.changes());
        if (!recording.changes().isEmpty()) {
            var numbers = recording.updates().stream().filter(update -> update.next().status() == Status.connected)
                    .map(update -> update.next().phoneNumber()).filter(Objects::nonNull).collect(Collectors.toSet());
            recorded.fire(new StatusesRecorded(recording.changes(), StatusRows.shared(connection, numbers)));
        }
        return recording;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a read: no transaction of its own
    public List<StatusChange> history(String instanceName, Instant since) {
        try (var connection = dataSource.getConnection()) {
            return StatusRows.history(connection, instanceName, since);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the history failed: " + e.getSQLState(), e);
        }
    }

    /** The stored secret hash of an instance that may receive webhooks (not being deleted). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> webhookTarget(String instanceName) {
        try (var connection = dataSource.getConnection()) {
            return StatusRows.webhookSecretHash(connection, instanceName);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the webhook target failed: " + e.getSQLState(), e);
        }
    }
}
