package whatsapp.integrations.pairing.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.pairing.entity.PairingEvent;
import whatsapp.integrations.pairing.entity.QrShown;
import whatsapp.web.json.JsonContract;

/**
 * Pairing sessions as the database records them, so that every node of a cluster sees the same: the events
 * ({@code integrations.pairing_events}) and whether a session runs ({@code integrations.pairing_until}). A session
 * runs while Evolution shows codes: each code keeps it running until the code's expiry plus {@link #GRACE}; it ends
 * with {@code connected}, {@code refused} or, when no code came in time, {@code expired}. Every write locks the
 * integration's row first, so that one integration's events commit in the order of their ids.
 */
@Stateless
public class PairingSessions {

    /** Webhook delays: a code is taken as the last one only this long after it expired. */
    static final Duration GRACE = Duration.ofSeconds(15);
    /** Events of sessions older than this are deleted when the integration starts another one. */
    static final Duration RETENTION = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    /** How long Evolution shows one code (2.3.x: 45 s); only used to tell the frontend when a code expires. */
    @Inject
    @ConfigProperty(name = "pairing.qr-seconds", defaultValue = "45")
    long qrSeconds;

    /** The running session's current code, if a session runs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PairingEvent> current(UUID integrationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.kind, e.data FROM integrations.pairing_events e
                JOIN integrations.integrations i ON i.id = e.integration_id
                WHERE e.integration_id = ?1 AND e.kind = 'qr' AND i.pairing_until > now()
                ORDER BY e.id DESC LIMIT 1""").setParameter(1, integrationId).getResultList();
        return rows.stream().findFirst().map(PairingSessions::event);
    }

    /**
     * A code Evolution shows (a connect call's answer or a {@code qrcode.updated} webhook): a new {@code qr} event,
     * unless this code was recorded already (the connect call's code arrives again as a webhook; deliveries repeat).
     * Either way the session runs.
     *
     * @return the code's event; empty when no integration has that instance, or there is nothing to show
     */
    public Optional<PairingEvent> show(String instanceName, String qrBase64, String code, String pairingCode) {
        if (qrBase64 == null && pairingCode == null) return Optional.empty();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM integrations.integrations WHERE instance_name = ?1 FOR UPDATE")
                .setParameter(1, instanceName).getResultList();
        if (ids.isEmpty()) return Optional.empty();
        var integrationId = SqlValues.uuid(ids.get(0));
        var digest = digest(code != null ? code : qrBase64 + "|" + pairingCode);
        @SuppressWarnings("unchecked")
        List<Object[]> known = em.createNativeQuery("""
                SELECT id, kind, data FROM integrations.pairing_events WHERE integration_id = ?1 AND qr_digest = ?2
                ORDER BY id DESC LIMIT 1""").setParameter(1, integrationId).setParameter(2, digest).getResultList();
        if (!known.isEmpty()) return Optional.of(event(known.get(0)));
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var data = JsonContract.toJson(new QrShown(qrBase64, pairingCode, now.plusSeconds(qrSeconds)));
        em.createNativeQuery("""
                DELETE FROM integrations.pairing_events WHERE integration_id = ?1 AND recorded_at < now() - make_interval(secs => ?2)""")
                .setParameter(1, integrationId).setParameter(2, (double) RETENTION.toSeconds()).executeUpdate();
        em.createNativeQuery("UPDATE integrations.integrations SET pairing_until = now() + make_interval(secs => ?2) WHERE id = ?1")
                .setParameter(1, integrationId).setParameter(2, (double) (qrSeconds + GRACE.toSeconds())).executeUpdate();
        return Optional.of(insert(integrationId, PairingEvent.QR, data, digest));
    }

    /**
     * The running session ends ({@code connected}, {@code refused}, {@code expired}): one event, whoever tells first.
     *
     * @return false when no session ran
     */
    public boolean end(UUID integrationId, String kind, String data) {
        @SuppressWarnings("unchecked")
        List<Object> running = em.createNativeQuery("""
                SELECT id FROM integrations.integrations WHERE id = ?1 AND pairing_until IS NOT NULL FOR UPDATE""")
                .setParameter(1, integrationId).getResultList();
        if (running.isEmpty()) return false;
        em.createNativeQuery("UPDATE integrations.integrations SET pairing_until = NULL WHERE id = ?1")
                .setParameter(1, integrationId).executeUpdate();
        insert(integrationId, kind, data, null);
        return true;
    }

    /** The data of a {@code connected} event. */
    public record Connected(String phoneNumber) {
    }

    /** The phone scanned the code: {@code connected} with the number now paired. */
    public boolean connected(UUID integrationId) {
        @SuppressWarnings("unchecked")
        List<Object> phones = em.createNativeQuery("""
                SELECT coalesce(phone_number, '') FROM integrations.integrations WHERE id = ?1 AND pairing_until IS NOT NULL FOR UPDATE""")
                .setParameter(1, integrationId).getResultList();
        if (phones.isEmpty()) return false;
        var phone = (String) phones.get(0);
        return end(integrationId, PairingEvent.CONNECTED, JsonContract.toJson(new Connected(phone.isEmpty() ? null : phone)));
    }

    /** A session whose last code expired more than {@link #GRACE} ago without an end: {@code expired}. */
    public boolean expireIfOverdue(UUID integrationId) {
        @SuppressWarnings("unchecked")
        List<Object> overdue = em.createNativeQuery("""
                SELECT id FROM integrations.integrations WHERE id = ?1 AND pairing_until < now() FOR UPDATE""")
                .setParameter(1, integrationId).getResultList();
        if (overdue.isEmpty()) return false;
        return end(integrationId, PairingEvent.EXPIRED,
                "{\"reason\":\"no new code came from Evolution in time: start pairing again\"}");
    }

    /** A session of an integration being deleted: {@code expired}. */
    public boolean expireIfDeleting(UUID integrationId) {
        @SuppressWarnings("unchecked")
        List<Object> deleting = em.createNativeQuery("""
                SELECT id FROM integrations.integrations WHERE id = ?1 AND status = 'deleting' AND pairing_until IS NOT NULL FOR UPDATE""")
                .setParameter(1, integrationId).getResultList();
        if (deleting.isEmpty()) return false;
        return end(integrationId, PairingEvent.EXPIRED, GONE);
    }

    /** The data of the {@code expired} event that ends a deleted integration's streams. */
    public static final String GONE = "{\"reason\":\"the integration was deleted\"}";

    /** Whether the integration's row is gone (deleted; its events went with it). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean gone(UUID integrationId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM integrations.integrations WHERE id = ?1")
                .setParameter(1, integrationId).getSingleResult()).longValue() == 0;
    }

    /** The integration's events after {@code afterId}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PairingEvent> after(UUID integrationId, long afterId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, kind, data FROM integrations.pairing_events WHERE integration_id = ?1 AND id > ?2
                ORDER BY id LIMIT ?3""").setParameter(1, integrationId).setParameter(2, afterId).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(PairingSessions::event).toList();
    }

    /** The id of the integration's newest event; 0 when it has none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lastId(UUID integrationId) {
        return ((Number) em.createNativeQuery(
                "SELECT coalesce(max(id), 0) FROM integrations.pairing_events WHERE integration_id = ?1")
                .setParameter(1, integrationId).getSingleResult()).longValue();
    }

    PairingEvent insert(UUID integrationId, String kind, String data, String digest) {
        var id = ((Number) em.createNativeQuery("""
                INSERT INTO integrations.pairing_events (integration_id, kind, data, qr_digest) VALUES (?1, ?2, ?3, ?4)
                RETURNING id""").setParameter(1, integrationId).setParameter(2, kind).setParameter(3, data)
                .setParameter(4, digest).getSingleResult()).longValue();
        return new PairingEvent(id, kind, data);
    }

    static PairingEvent event(Object[] row) {
        return new PairingEvent(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
