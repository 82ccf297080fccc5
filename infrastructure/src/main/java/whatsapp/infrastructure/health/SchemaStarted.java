package whatsapp.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once both modules' migrations have run (each leaves its Flyway history table). */
@Startup
@ApplicationScoped
public class SchemaStarted implements HealthCheck {

    static final String MIGRATED = """
            SELECT count(*) FROM information_schema.tables
            WHERE table_name = 'flyway_schema_history' AND table_schema IN ('integrations', 'maintenance')""";

    @Resource(lookup = "java:jboss/datasources/IntegrationsDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("schemas-migrated");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(MIGRATED)) {
            rows.next();
            return response.status(rows.getInt(1) == 2).build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
