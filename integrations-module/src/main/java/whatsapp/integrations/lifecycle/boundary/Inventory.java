package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import whatsapp.infrastructure.sql.SqlValues;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;

/**
 * The fleet as the other modules see it: projections, not entities, because a 10,000-instance sweep reads the whole
 * fleet once per run. Plain reads, no transaction of their own.
 */
@ApplicationScoped
public class Inventory {

    static final String SUMMARY = """
            SELECT id, organization_id, instance_name, status, enabled, phone_number, connected_at, disconnect_reason,
                   created_at, updated_at, status_changed_at, evolution_server, webhook_unverified, probe_failed_at, probe_answer,
                   instance_id
            FROM integrations.integrations""";

    @PersistenceContext
    EntityManager em;

    /** Enabled integrations: none of them is being deleted (markDeleting clears {@code enabled}). */
    public List<IntegrationSummary> watched() {
        return summaries(SUMMARY + " WHERE enabled AND status <> 'deleting' ORDER BY created_at DESC", null);
    }

    /**
     * Every row, by instance name. Sorted here rather than by PostgreSQL: between 10,000 and 50,000 rows the sort
     * outgrew the default {@code work_mem} (4 MB) and spilled to disk (EXPLAIN ANALYZE at 50,000: an external merge
     * of 7 MB), a step that made the orphan check grow faster than the fleet; in memory it takes a few milliseconds.
     */
    public List<IntegrationSummary> all() {
        var rows = new java.util.ArrayList<>(summaries(SUMMARY, null));
        rows.sort(java.util.Comparator.comparing(IntegrationSummary::instanceName,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return java.util.Collections.unmodifiableList(rows);
    }

    /** By the unique index on instance_name: a page of the status report costs its own rows, not the fleet. */
    public List<IntegrationSummary> page(String afterInstanceName, int limit) {
        var query = em.createNativeQuery(SUMMARY + (afterInstanceName == null ? "" : " WHERE instance_name > ?1")
                + " ORDER BY instance_name LIMIT " + Math.max(0, limit));
        if (afterInstanceName != null) query.setParameter(1, afterInstanceName);
        return summaries(query);
    }

    public Optional<IntegrationSummary> find(String instanceName) {
        return summaries(SUMMARY + " WHERE instance_name = ?1", instanceName).stream().findFirst();
    }

    /** Names of every row (being deleted included) and of every creation in flight. */
    public Set<String> namesInUse() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("""
                SELECT instance_name FROM integrations.integrations
                UNION SELECT instance_name FROM integrations.provisioning_claims""").getResultList();
        return new HashSet<>(names);
    }

    public boolean inUse(String instanceName) {
        var uses = (Number) em.createNativeQuery("""
                SELECT (SELECT COUNT(*) FROM integrations.integrations WHERE instance_name = ?1)
                     + (SELECT COUNT(*) FROM integrations.provisioning_claims WHERE instance_name = ?1)""")
                .setParameter(1, instanceName).getSingleResult();
        return uses.longValue() > 0;
    }

    public Map<Status, Long> countsByStatus() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, count(*) FROM integrations.integrations GROUP BY status")
                .getResultList();
        var counts = new EnumMap<Status, Long>(Status.class);
        for (var row : rows) counts.put(Status.of((String) row[0]), ((Number) row[1]).longValue());
        return counts;
    }

    /**
     * Rows per Evolution server and status (being deleted included), plus creations in flight as {@code pending} on
     * the server their claim chose: what placement counts as used slots.
     */
    public Map<String, Map<Status, Long>> countsByServer() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT evolution_server, status, count(*) FROM integrations.integrations GROUP BY evolution_server, status
                UNION ALL
                SELECT c.evolution_server, 'pending', count(*) FROM integrations.provisioning_claims c
                WHERE NOT EXISTS (SELECT 1 FROM integrations.integrations i WHERE i.instance_name = c.instance_name)
                GROUP BY c.evolution_server""").getResultList();
        var counts = new java.util.TreeMap<String, Map<Status, Long>>();
        for (var row : rows) counts.computeIfAbsent((String) row[0], server -> new EnumMap<>(Status.class))
                .merge(Status.of((String) row[1]), ((Number) row[2]).longValue(), Long::sum);
        return counts;
    }

    List<IntegrationSummary> summaries(String sql, String parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) query.setParameter(1, parameter);
        return summaries(query);
    }

    List<IntegrationSummary> summaries(Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new IntegrationSummary(SqlValues.uuid(r[0]), (String) r[1], (String) r[2],
                Status.of((String) r[3]), (Boolean) r[4], (String) r[5], SqlValues.instant(r[6]), (String) r[7],
                SqlValues.instant(r[8]), SqlValues.instant(r[9]), SqlValues.instant(r[10]), (String) r[11],
                Boolean.TRUE.equals(r[12]), SqlValues.instant(r[13]), (String) r[14], (String) r[15])).toList();
    }
}
