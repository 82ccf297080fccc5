package whatsapp.integrations.lifecycle.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Answers of POST /integrations/whatsapp kept per Idempotency-Key and organization, replayed as given. */
@Stateless
public class Idempotency {

    @PersistenceContext
    EntityManager em;

    public Optional<Response> replay(String organizationId, String key) {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) em.createNativeQuery(
                        "SELECT status, body, location FROM integrations.idempotency_keys WHERE organization_id = ?1 AND key = ?2")
                .setParameter(1, organizationId).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(row -> {
            var answer = Response.status(((Number) row[0]).intValue()).entity(row[1]).type("application/json")
                    .header("Idempotent-Replayed", "true");
            if (row[2] != null) answer.location(URI.create((String) row[2]));
            return answer.build();
        });
    }

    public void remember(String organizationId, String key, int status, String body, URI location) {
        em.createNativeQuery("""
                INSERT INTO integrations.idempotency_keys (key, organization_id, status, body, location, created_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS varchar), ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, key).setParameter(2, organizationId).setParameter(3, status).setParameter(4, body)
                .setParameter(5, location == null ? null : location.toString()).setParameter(6, Instant.now())
                .executeUpdate();
    }
}
