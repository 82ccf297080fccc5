package whatsapp.infrastructure.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application's one datasource for code that uses JDBC directly, looked up on first use under the name of the
 * server it runs on: WildFly binds it at {@code java:/jdbc/WhatsAppDS} (its datasources must live under {@code java:/}
 * or {@code java:jboss/}, and it reads a {@code @Resource} lookup without scheme as {@code java:comp/env/...}), Payara
 * at {@code jdbc/WhatsAppDS} (it refuses {@code :} in a resource name). The persistence units name
 * {@code jdbc/WhatsAppDS}, which both servers resolve for a {@code jta-data-source}.
 */
public final class WhatsAppDataSource implements DataSource {

    /** Where the servers bind it: WildFly's name first, then Payara's. */
    public static final List<String> NAMES = List.of("java:/jdbc/WhatsAppDS", "jdbc/WhatsAppDS");

    private volatile DataSource resolved;

    private WhatsAppDataSource() {
    }

    /** A datasource that looks the server's up on first use (a bean's field may be made before naming is ready). */
    public static DataSource lazy() {
        return new WhatsAppDataSource();
    }

    /** {@code injected} when the server injected one, else the server's looked up. */
    public static DataSource or(DataSource injected) {
        return injected != null ? injected : lazy();
    }

    DataSource server() throws SQLException {
        var found = resolved;
        if (found != null) return found;
        NamingException last = null;
        for (var name : NAMES) {
            try {
                found = InitialContext.doLookup(name);
                resolved = found;
                return found;
            } catch (NamingException e) {
                last = e;
            }
        }
        throw new SQLException("No datasource at " + NAMES, last);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return server().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return server().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return server().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        server().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        server().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return server().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : server().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || server().isWrapperFor(type);
    }
}
