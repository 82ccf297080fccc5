package whatsapp.infrastructure.schema;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway for one module's own schema and migration folder. Called from each module's
 * startup singleton with that module's class loader, so each finds only its own scripts.
 */
public final class SchemaMigration {

    static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    public static void migrate(DataSource dataSource, String schema, ClassLoader loader) {
        var result = Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .load()
                .migrate();
        LOG.info(() -> "Schema " + schema + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                + result.targetSchemaVersion);
    }
}
