package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import whatsapp.integrations.lifecycle.entity.StoredAnswer;

/** Answers of POST /integrations/whatsapp kept per Idempotency-Key and organization, replayed as given. */
@Stateless
public class Idempotency {

    @PersistenceContext
    EntityManager em;

    public Optional<StoredAnswer> replay(String organizationId, String key) {
        @SuppressWarnings("unchecked")
        var rows = (List<Object[]>) em.createNativeQuery(
                        "SELECT status, body, location FROM integrations.idempotency_keys WHERE organization_id = ?1 AND key = ?2")
                .setParameter(1, organizationId).setParameter(2, key).getResultList();
        return rows.stream().findFirst()
                .map(row -> new StoredAnswer(((Number) row[0]).intValue(), (String) row[1], (String) row[2], true));
    }

    public void remember(String organizationId, String key, StoredAnswer answer) {
        em.createNativeQuery("""
                INSERT INTO integrations.idempotency_keys (key, organization_id, status, body, location, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS varchar), ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, key).setParameter(2, organizationId).setParameter(3, answer.status())
                .setParameter(4, answer.body()).setParameter(5, answer.location()).setParameter(6, Instant.now())
                .executeUpdate();
    }
}
