package whatsapp.web.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected → a bare 500 with an incident id. The log line carries the id and the chain
 * of exception classes only: driver and persistence messages may quote SQL or values.
 * A lost database connection (PostgreSQL restarted or failed over, the connection cut: SQLSTATE class 08, 57P01–57P03)
 * is no incident but a retriable {@code 503} {@code database-unavailable} with {@code Retry-After: 1}: the request's
 * transaction died with its connection and the pool replaces it (found by the chaos soak, docs/reliability.md).
 */
@Provider
public class LastResortMapper implements ExceptionMapper<Throwable> {

    static final Logger LOG = Logger.getLogger(LastResortMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        if (databaseConnectionLost(exception)) {
            LOG.log(Level.WARNING, "Database connection lost, answered 503: {0}", chainOf(exception));
            var problem = Problem.of("database-unavailable", "Database unavailable", 503,
                    "The connection to the database was lost during the request; retry it (a create with the same "
                            + "Idempotency-Key)");
            return Response.status(503).type(Problem.MEDIA_TYPE).entity(problem.toJson().toString())
                    .header("Retry-After", "1").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident {0}: {1}", new Object[]{incident, chainOf(exception)});
        return Problem.of("internal-error", "Internal Server Error", 500,
                "Unexpected failure; incident " + incident).toResponse();
    }

    /** A connection-class failure anywhere in the cause chain. */
    static boolean databaseConnectionLost(Throwable exception) {
        int depth = 0;
        for (Throwable t = exception; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException)
                return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) return true;
            }
        }
        return false;
    }

    static String chainOf(Throwable exception) {
        var chain = new StringBuilder();
        for (Throwable t = exception; t != null && chain.length() < 1000; t = t.getCause()) {
            if (!chain.isEmpty()) chain.append(" <- ");
            chain.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) chain.append(" at ").append(trace[0]);
        }
        return chain.toString();
    }
}
