package whatsapp.maintenance.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import whatsapp.infrastructure.schema.SchemaMigration;
import whatsapp.infrastructure.sql.WhatsAppDataSource;

/** Migrates the schema this module owns, {@code maintenance}. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class MaintenanceSchema {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, "maintenance", getClass().getClassLoader());
    }
}
