package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.lifecycle.entity.Integration;
import whatsapp.integrations.lifecycle.entity.IntegrationPage;
import whatsapp.integrations.lifecycle.entity.IntegrationView;
import whatsapp.integrations.security.boundary.Caller;
import whatsapp.web.problems.boundary.InvalidInput;
import whatsapp.web.problems.boundary.NotFound;

/**
 * Reads of integration rows, without an EJB call or a transaction of their own: {@code GET /integrations/{id}} is
 * the hot path (thousands of reads a second), and a read needs neither.
 */
@ApplicationScoped
public class IntegrationReads {

    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** The integration with this id, if the caller may see it: 400 for an id that is not a UUID, else 404. */
    public Integration visible(String id) {
        return reachable(id, caller::maySee);
    }

    /** The integration with this id, if the caller may change it (delete, pair); 404 otherwise, as for a read. */
    public Integration changeable(String id) {
        return reachable(id, caller::mayActFor);
    }

    Integration reachable(String id, java.util.function.Predicate<String> organizationAllowed) {
        if (!UUID_TEXT.matcher(id).matches()) throw new InvalidInput("id", "must be a UUID");
        return find(UUID.fromString(id)).filter(integration -> organizationAllowed.test(integration.organizationId()))
                .orElseThrow(() -> new NotFound("No integration " + id + " is visible to you; GET /integrations?organization_id=... lists yours"));
    }

    public Optional<Integration> find(UUID id) {
        return Optional.ofNullable(em.find(Integration.class, id));
    }

    /** The organization's one enabled integration, if there is one. */
    public Optional<Integration> enabledFor(String organizationId) {
        return em.createNamedQuery(Integration.ENABLED_FOR, Integration.class)
                // a list, not a stream: an unclosed result stream would keep its connection while Evolution is called
                .setParameter("organization", organizationId).getResultList().stream().findFirst();
    }

    /** The organization's deletions still under way. */
    public List<Integration> deletingFor(String organizationId) {
        return em.createNamedQuery(Integration.STATUS_FOR, Integration.class)
                .setParameter("organization", organizationId).setParameter("status", Status.deleting).getResultList();
    }

    /**
     * One page, newest first by {@code (created_at, id)}, read into views (no entity is loaded): the rows after the
     * cursor's position, at most {@code limit}, and the cursor of the next page when there are more. Keyset pagination:
     * rows inserted meanwhile are newer than every cursor, so a walk through the pages sees each row once.
     *
     * @param organizationId null: every organization (the caller's right to ask is checked before)
     * @param cursor         null: the first page
     */
    public IntegrationPage page(String organizationId, String cursor, int limit) {
        var sql = new StringBuilder("""
                SELECT id, organization_id, type, provider, instance_name, status, enabled, phone_number, connected_at,
                       disconnect_reason, created_at, updated_at, webhook_unverified, evolution_server, probe_failed_at,
                       monitoring_paused_until, monitoring_pause_reason
                FROM integrations.integrations WHERE true""");
        // positional parameters: EclipseLink takes no named ones in native SQL
        var parameters = new java.util.ArrayList<Object>();
        if (organizationId != null) {
            parameters.add(organizationId);
            sql.append(" AND organization_id = ?").append(parameters.size());
        }
        if (cursor != null) {
            var position = IntegrationPage.position(cursor);
            parameters.add(SqlValues.at(position.createdAt()));
            parameters.add(position.id());
            sql.append(" AND (created_at, id) < (?").append(parameters.size() - 1).append(", ?").append(parameters.size()).append(")");
        }
        parameters.add(limit + 1);
        var query = em.createNativeQuery(sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?").append(parameters.size()).toString());
        for (int i = 0; i < parameters.size(); i++) query.setParameter(i + 1, parameters.get(i));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        var now = java.time.Instant.now();
        var views = rows.stream().limit(limit).map(r -> {
            var status = Status.of((String) r[5]);
            var probeFailedAt = status == Status.connected ? SqlValues.instant(r[14]) : null;
            return IntegrationView.of(SqlValues.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    status, (Boolean) r[6], (String) r[7], SqlValues.instant(r[8]), (String) r[9],
                    SqlValues.instant(r[10]), SqlValues.instant(r[11]), Boolean.TRUE.equals(r[12]), (String) r[13],
                    probeFailedAt, SqlValues.instant(r[15]), (String) r[16], now);
        }).toList();
        return IntegrationPage.of(views, rows.size() > limit);
    }
}
