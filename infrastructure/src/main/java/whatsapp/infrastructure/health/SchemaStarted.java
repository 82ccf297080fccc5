package whatsapp.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;
import whatsapp.infrastructure.sql.WhatsAppDataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once every module's migrations have run: each module's schema holds its own Flyway history table. */
@Startup
@ApplicationScoped
public class SchemaStarted implements HealthCheck {

    /** The schemas the modules of this EAR own and migrate at deployment (IntegrationsSchema, MaintenanceSchema). */
    static final List<String> MODULE_SCHEMAS = List.of("integrations", "maintenance");

    static final String MIGRATED = """
            SELECT count(*) FROM information_schema.tables
            WHERE table_name = 'flyway_schema_history' AND table_schema = ANY (?)""";

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("schemas-migrated");
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(MIGRATED)) {
            query.setArray(1, connection.createArrayOf("text", MODULE_SCHEMAS.toArray()));
            try (var rows = query.executeQuery()) {
                rows.next();
                return response.status(rows.getInt(1) == MODULE_SCHEMAS.size()).withData("schemas", MODULE_SCHEMAS.size()).build();
            }
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
