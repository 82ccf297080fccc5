package whatsapp.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import whatsapp.infrastructure.sql.WhatsAppDataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** PostgreSQL answers a trivial query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReady implements HealthCheck {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("postgresql");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            return response.up().build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
