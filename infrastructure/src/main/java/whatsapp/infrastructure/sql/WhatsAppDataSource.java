package whatsapp.infrastructure.sql;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application's datasource for beans in {@code ear/lib}: the one {@code @Resource} injected when the server
 * injects resources there (WildFly), else looked up by its global name (Payara injects none into library beans).
 */
public final class WhatsAppDataSource {

    /** The name the code uses on both servers (WildFly binds it at {@code java:/jdbc/WhatsAppDS}). */
    public static final String NAME = "jdbc/WhatsAppDS";

    private WhatsAppDataSource() {
    }

    public static DataSource or(DataSource injected) {
        if (injected != null) return injected;
        try {
            return InitialContext.doLookup(NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource " + NAME, e);
        }
    }
}
