package whatsapp.maintenance.holds.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import whatsapp.infrastructure.sql.WhatsAppDataSource;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.holds.entity.Held;

/**
 * What the maintenance windows on now hold ({@code maintenance.windows}, read on the database's clock): the alerts and
 * the auto-heal ask before they raise or restart. One indexed query, asked only when there is something to raise or
 * restart. A failure to read holds nothing (an alert too many is better than one lost).
 */
@ApplicationScoped
public class Holds {

    static final Logger LOG = Logger.getLogger(Holds.class.getName());

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    public Held now() {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("""
                SELECT servers FROM maintenance.windows
                WHERE summarized_at IS NULL AND ended_at IS NULL AND starts_at <= now() AND ends_at > now()""");
             var rows = statement.executeQuery()) {
            boolean all = false;
            var servers = new HashSet<String>();
            while (rows.next()) {
                var array = rows.getArray(1);
                if (array == null) all = true;
                else servers.addAll(List.of((String[]) array.getArray()));
            }
            return new Held(all, servers);
        } catch (SQLException e) {
            LOG.warning(() -> "Maintenance windows not read (" + e.getSQLState() + "); nothing held");
            return Held.NOTHING;
        }
    }

    /**
     * The items about instances on a held server left out.
     *
     * @param instanceOf the instance an item is about, null: never held (e.g. a duplicate number)
     * @param serverOf   the Evolution server of an item, asked only while a window holds some servers
     */
    public <T> List<T> without(Collection<T> items, Function<T, String> instanceOf, Function<T, String> serverOf) {
        if (items.isEmpty()) return List.copyOf(items);
        var held = now();
        if (!held.any()) return List.copyOf(items);
        var kept = new ArrayList<T>();
        for (var item : items) {
            var name = instanceOf.apply(item);
            if (name == null || !held.holds(held.all() ? null : serverOf.apply(item))) kept.add(item);
            else LOG.fine(() -> name + ": held by a maintenance window");
        }
        return kept;
    }

    /** Whether the instance is on a held server now. */
    public boolean holds(String instanceName) {
        return without(List.of(instanceName), Function.identity(), this::serverOf).isEmpty();
    }

    /** The Evolution server of an instance with a row (one read); null for none. */
    public String serverOf(String instanceName) {
        return integrations.find(instanceName).map(IntegrationSummary::evolutionServer).orElse(null);
    }
}
