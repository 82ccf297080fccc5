package whatsapp.maintenance.jdbc.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One statement on a connection of the container's data source (enlisted in the caller's transaction): the plain JDBC
 * the books of this module write with, a failure turned into an unchecked exception naming what failed and its
 * SQLSTATE only (never the statement's values).
 */
public final class Jdbc {

    /** Sets a statement's parameters (the connection creates arrays). */
    public interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /** Reads a query's rows. */
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private Jdbc() {
    }

    /** @param what what is being read, for the failure's message ("Reading alerts") */
    public static <T> T select(DataSource dataSource, String what, String sql, Binder binder, Reader<T> reader) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            try (var rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getSQLState(), e);
        }
    }

    /** @return the number of rows changed */
    public static int update(DataSource dataSource, String what, String sql, Binder binder) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            binder.bind(connection, statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getSQLState(), e);
        }
    }
}
