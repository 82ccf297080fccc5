package whatsapp.integrations.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evolution servers held from placement ({@code integrations.placement_holds}): a health sweep that sees two servers
 * list the same instance ids (one database under one client name) holds both, and lets them go once it no longer
 * sees it. Every creation's {@link Placement} reads them.
 */
@ApplicationScoped
public class PlacementHolds {

    @PersistenceContext
    EntityManager em;

    /** The whole set replaced; a server held before and still held keeps its {@code since}. */
    @Transactional
    public void hold(Map<String, String> reasonByServer) {
        em.createNativeQuery("DELETE FROM integrations.placement_holds WHERE NOT (evolution_server = ANY (CAST(?1 AS text[])))")
                .setParameter(1, "{" + String.join(",", reasonByServer.keySet().stream().map(PlacementHolds::quoted).toList()) + "}")
                .executeUpdate();
        for (var hold : reasonByServer.entrySet())
            em.createNativeQuery("""
                    INSERT INTO integrations.placement_holds (evolution_server, reason, since) VALUES (?1, ?2, now())
                    ON CONFLICT (evolution_server) DO UPDATE SET reason = excluded.reason""")
                    .setParameter(1, hold.getKey())
                    .setParameter(2, hold.getValue().length() > 500 ? hold.getValue().substring(0, 500) : hold.getValue())
                    .executeUpdate();
    }

    public Map<String, String> held() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT evolution_server, reason FROM integrations.placement_holds").getResultList();
        var held = new TreeMap<String, String>();
        for (var row : rows) held.put((String) row[0], (String) row[1]);
        return held;
    }

    static String quoted(String server) {
        return "\"" + server.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
