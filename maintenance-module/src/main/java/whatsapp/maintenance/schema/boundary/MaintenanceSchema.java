package whatsapp.maintenance.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import whatsapp.infrastructure.schema.SchemaMigration;

/** Migrates the schema this module owns, {@code maintenance}. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class MaintenanceSchema {

    @Resource(lookup = "jdbc/WhatsAppDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, "maintenance", getClass().getClassLoader());
    }
}
