package whatsapp.integrations.pairing.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The connect lease is taken and checked against the database's clock, as every lease (see LeaseStatementsTest). */
class ConnectLeaseTest {

    @Test
    void theConnectLeaseUsesTheDatabaseClock() {
        assertThat(ConnectLease.TAKE).contains("connect_lease_until = now() + make_interval(secs => ?1)")
                .contains("connect_lease_until < now()").doesNotContainPattern("connect_lease_until\\s*[<=>]+\\s*\\?");
    }
}
