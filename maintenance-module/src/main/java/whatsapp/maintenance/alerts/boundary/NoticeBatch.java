package whatsapp.maintenance.alerts.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.alerts.control.AlertPolicy;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.control.Backoff;
import whatsapp.maintenance.metrics.control.MaintenanceMeters;

/**
 * One delivery round, in one transaction under a cluster-wide lock (a PostgreSQL advisory lock, released by a node
 * that dies): the oldest undelivered notices, POSTed in order, one by one or (more than the group threshold)
 * grouped in one message; the first refusal stops the round and puts the notice off with a doubling backoff. A
 * crash after the receiver accepted but before the commit repeats the notice with the same ids: receivers dedupe.
 */
@Stateless
public class NoticeBatch {

    static final long RELAY_LOCK = 0x616c657274L; // "alert"

    @PersistenceContext
    EntityManager em;

    @Inject
    AlertBook book;

    @Inject
    AlertWebhook webhook;

    @Inject
    MaintenanceMeters meters;

    @Inject
    @ConfigProperty(name = "alert.group-threshold", defaultValue = "5")
    int groupThreshold;

    @Inject
    @ConfigProperty(name = "alert.retry-first-seconds", defaultValue = "1")
    long retryFirstSeconds;

    @Inject
    @ConfigProperty(name = "alert.retry-max-seconds", defaultValue = "60")
    long retryMaxSeconds;

    /** @return notices delivered; 0 when none were due, another node is delivering, or the receiver refused */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverNext(int max) {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) return 0;
        var due = book.undelivered(max);
        var now = Instant.now();
        if (due.isEmpty() || due.get(0).nextAttemptAt().isAfter(now)) return 0;
        int delivered = 0;
        for (var batch : AlertPolicy.batches(due, groupThreshold)) {
            var failure = webhook.post(AlertPolicy.delivery(batch, now));
            if (failure.isPresent()) {
                int attempts = batch.get(0).attempts() + 1;
                var wait = new Backoff(Duration.ofSeconds(retryFirstSeconds), Duration.ofSeconds(retryMaxSeconds)).after(attempts);
                book.failed(batch, now.plus(wait), failure.get() + " (attempt " + attempts + ")");
                return delivered;
            }
            book.delivered(batch, Instant.now());
            batch.forEach(notice -> meters.alert(notice.type()));
            delivered += batch.size();
        }
        return delivered;
    }
}
