package whatsapp.web.problems.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A request whose database connection was cut (a PostgreSQL restart, a failover, pg_terminate_backend: the chaos soak,
 * docs/reliability.md) is a retriable 503 problem, not an unexpected 500: the transaction died with the connection,
 * nothing was committed, and the pool replaces the connection.
 */
class LastResortMapperTest {

    @Test
    void aClosedConnectionIsARetriable503Problem() {
        var closed = new PersistenceException("could not execute statement",
                new SQLException("This connection has been closed.", "08003"));
        var response = new LastResortMapper().toResponse(new RuntimeException(closed));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(response.getEntity().toString()).contains("/problems/database-unavailable").doesNotContain("closed");
    }

    @Test
    void aTerminatedServerProcessIsToo() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(new LastResortMapper().toResponse(new PersistenceException(terminated)).getStatus()).isEqualTo(503);
        assertThat(new LastResortMapper().toResponse(new java.sql.SQLTransientConnectionException("gone")).getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureStaysAnIncident() {
        assertThat(new LastResortMapper().toResponse(new IllegalStateException("bug")).getStatus()).isEqualTo(500);
        var constraint = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(new LastResortMapper().toResponse(new PersistenceException(constraint)).getStatus()).isEqualTo(500);
    }
}
