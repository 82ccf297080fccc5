package whatsapp.integrations.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import whatsapp.infrastructure.schema.SchemaMigration;

/** Migrates the schema this module owns, {@code integrations}, before anything else runs. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class IntegrationsSchema {

    @Resource(lookup = "jdbc/WhatsAppDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, "integrations", getClass().getClassLoader());
    }
}
