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
 */
@Provider
public class LastResortMapper implements ExceptionMapper<Throwable> {

    static final Logger LOG = Logger.getLogger(LastResortMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident {0}: {1}", new Object[]{incident, chainOf(exception)});
        return Problem.of("internal-error", "Internal Server Error", 500,
                "Unexpected failure; incident " + incident).toResponse();
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
