package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.evolution;

import org.junit.jupiter.api.Test;

/**
 * Evolution's listing shows its database, which lags the live socket (the stored state is written on some events
 * only): a row whose recorded status disagrees with the listing is confirmed with {@code connectionState} before the
 * sweep changes it, so a fresher webhook state is never overwritten with a stale one.
 */
class HealthSweepConfirmIT extends FleetTests {

    @Test
    void aWebhooksOpenOutlivesAListingThatStillSaysClose() {
        var name = Health.paired("org-lagging", "5511999990071");
        evolution().lagRow(name, "close");   // the socket is open, Evolution's row still says close
        evolution().resetCalls();

        var summary = Health.swept();

        assertThat(Health.recorded(name, "status")).isEqualTo("connected");
        assertThat(summary.getInt("status_changes")).isZero();
        assertThat(evolution().calls("connectionState")).as("the disagreement confirmed by name").isOne();
        assertThat(Health.changes(name)).filteredOn(change -> "sweep".equals(change.getString("source"))).isEmpty();
    }

    @Test
    void aDisagreementThatConnectionStateConfirmsIsRecorded() {
        var name = Health.paired("org-dropped", "5511999990072");
        Health.webhooksLost(name);
        evolution().disconnect(name, whatsapp.simulator.Disconnect.DEVICE_REMOVED);
        evolution().resetCalls();

        Health.swept();

        assertThat(Health.recorded(name, "status")).isEqualTo("disconnected");
        assertThat(evolution().calls("connectionState")).isOne();
    }
}
