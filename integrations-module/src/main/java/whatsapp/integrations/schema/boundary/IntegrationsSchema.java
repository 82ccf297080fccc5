package whatsapp.integrations.schema.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import whatsapp.infrastructure.schema.SchemaMigration;
import whatsapp.infrastructure.sql.WhatsAppDataSource;

/** Migrates the schema this module owns, {@code integrations}, before anything else runs. */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class IntegrationsSchema {

    /** WildFly's or Payara's binding, looked up on first use (WhatsAppDataSource). */
    final DataSource dataSource = WhatsAppDataSource.lazy();

    @PostConstruct
    void migrate() {
        SchemaMigration.migrate(dataSource, "integrations", getClass().getClassLoader());
    }
}
