package whatsapp.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import whatsapp.integrations.api.Integrations;
import whatsapp.integrations.api.Observation;
import whatsapp.integrations.api.Source;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.api.StatusChange;

/**
 * {@link Integrations#observe}, the batched write behind fleet-health sweeps and webhooks, called
 * through the EJB view the maintenance module uses. Runs inside the deployed application.
 */
@ExtendWith(ArquillianExtension.class)
class ObserveIT {

    static final int FLEET = 1_000;

    @Deployment
    static EnterpriseArchive application() {
        return ApplicationArchive.withTests(ObserveIT.class, Rows.class);
    }

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Resource(lookup = "java:/jdbc/WhatsAppDS")
    DataSource dataSource;

    Rows rows;
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void clean() {
        rows = new Rows(dataSource, "ict-observe-");
        rows.removeAll();
    }

    @AfterEach
    void removeSeededRows() {
        rows.removeAll();
    }

    /**
     * Odd rows are connected, even rows pending. n % 4 == 1: still connected (no change); 3: disconnected
     * with a reason; 2: connecting; 0: connected with a new number. So 750 changes out of 1,000.
     */
    @Test
    void aThousandObservationsRecordEachChangeOnceWithItsHistoryAndEvent() {
        rows.seedConnectedAndPending(FLEET);
        List<Observation> observations = IntStream.rangeClosed(1, FLEET).mapToObj(this::sweepSaw).toList();

        long started = System.nanoTime();
        List<StatusChange> changes = integrations.observe(observations, Source.sweep);
        var took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("in-container-tests: observe(%,d observations) made %,d changes in %d ms%n",
                FLEET, changes.size(), took.toMillis());

        List<Tuple> expected = new ArrayList<>();
        for (int n = 1; n <= FLEET; n++) {
            switch (n % 4) {
                case 3 -> expected.add(tuple(rows.name(n), Status.connected, Status.disconnected, "device_removed (401)", Source.sweep));
                case 2 -> expected.add(tuple(rows.name(n), Status.pending, Status.connecting, null, Source.sweep));
                case 0 -> expected.add(tuple(rows.name(n), Status.pending, Status.connected, null, Source.sweep));
                default -> { } // still connected: no change
            }
        }
        assertThat(changes)
                .extracting(StatusChange::instanceName, StatusChange::from, StatusChange::to, StatusChange::reason,
                        StatusChange::source)
                .containsExactlyElementsOf(expected);
        assertThat(changes).allSatisfy(change -> assertThat(change.at()).isEqualTo(now));

        assertThat(rows.rowsIn("connected")).isEqualTo(500);
        assertThat(rows.rowsIn("disconnected")).isEqualTo(250);
        assertThat(rows.rowsIn("connecting")).isEqualTo(250);
        assertThat(rows.rowsIn("pending")).isZero();
        assertThat(rows.count("""
                SELECT count(*) FROM integrations.integrations
                WHERE starts_with(instance_name, ?) AND status = 'connected' AND phone_number = '5521' || substr(instance_name, 13)
                  AND connected_at = ?""", rows.prefix, now))
                .as("newly connected rows carry the new number and connected_at = observedAt").isEqualTo(250);
        assertThat(rows.count("""
                SELECT count(*) FROM integrations.integrations
                WHERE starts_with(instance_name, ?) AND status = 'connected' AND connected_at < now() - interval '23 hours'
                  AND status_changed_at = created_at AND updated_at = created_at""", rows.prefix))
                .as("rows seen as they were are not written at all").isEqualTo(250);

        assertThat(rows.historyRows()).isEqualTo(750);
        assertThat(rows.historyRows("connected", "disconnected")).isEqualTo(250);
        assertThat(rows.historyRows("pending", "connecting")).isEqualTo(250);
        assertThat(rows.historyRows("pending", "connected")).isEqualTo(250);
        assertThat(rows.statusChangedEvents()).isEqualTo(750);
    }

    /**
     * The history insert is refused (a check this test adds) after the batched update went through: if the update
     * were not in the same transaction as history and events, the rows would now be connecting.
     */
    @Test
    void aFailureAfterTheBatchedUpdateLeavesEveryRowAsItWas() {
        rows.seedConnectedAndPending(FLEET);
        List<Observation> observations = IntStream.rangeClosed(1, FLEET)
                .mapToObj(n -> new Observation(rows.name(n), Status.connecting, null, null, now)).toList();

        // the batched update succeeds; the history insert after it then breaks a check this test adds for the moment
        rows.update("ALTER TABLE integrations.status_history ADD CONSTRAINT ict_refuses_connecting CHECK (to_status <> 'connecting') NOT VALID");
        try {
            assertThatThrownBy(() -> integrations.observe(observations, Source.sweep))
                    .isInstanceOf(EJBException.class)
                    .hasStackTraceContaining("Recording observations failed: 23514"); // check_violation
        } finally {
            rows.update("ALTER TABLE integrations.status_history DROP CONSTRAINT ict_refuses_connecting");
        }

        assertThat(rows.rowsIn("connected")).isEqualTo(500);
        assertThat(rows.rowsIn("pending")).isEqualTo(500);
        assertThat(rows.rowsIn("connecting")).isZero();
        assertThat(rows.historyRows()).isZero();
        assertThat(rows.statusChangedEvents()).isZero();
    }

    @Test
    void rowsBeingDeletedAndUnknownNamesAreLeftAlone() {
        rows.seed(rows.name("deleting"), "deleting");
        rows.seed(rows.name("live"), "pending");
        String updatedBefore = rows.text("SELECT updated_at FROM integrations.integrations WHERE instance_name = ?",
                rows.name("deleting"));

        var changes = integrations.observe(List.of(
                new Observation(rows.name(Status.deleting), Status.connected, "5511999999", null, now),
                new Observation(rows.name("unknown"), Status.connected, "5511888888", null, now),
                new Observation(rows.name("live"), Status.connecting, null, null, now)), Source.sweep);

        assertThat(changes).extracting(StatusChange::instanceName).containsExactly(rows.name("live"));
        assertThat(rows.status(rows.name("deleting"))).isEqualTo("deleting");
        assertThat(rows.text("SELECT phone_number FROM integrations.integrations WHERE instance_name = ?", rows.name("deleting")))
                .isNull();
        assertThat(rows.text("SELECT updated_at FROM integrations.integrations WHERE instance_name = ?", rows.name("deleting")))
                .isEqualTo(updatedBefore);
        assertThat(rows.status(rows.name("unknown"))).as("no row is created for an unknown name").isNull();
        assertThat(rows.status(rows.name("live"))).isEqualTo("connecting");
        assertThat(rows.historyRows()).isEqualTo(1);
        assertThat(rows.statusChangedEvents()).isEqualTo(1);
    }

    /** Evolution reports a never-scanned QR code as closed: that alone is not a disconnection. */
    @Test
    void anObservationOlderThanTheRecordedChangeLeavesItAlone() {
        rows.seed(rows.name("ordered"), "pending");
        var hourAgo = now.minus(java.time.Duration.ofHours(1));
        assertThat(integrations.observe(List.of(new Observation(rows.name("ordered"), Status.connected, "5511999990001", null, hourAgo)),
                Source.webhook)).hasSize(1);

        // a sweep whose listing was asked for two hours ago must not undo what a webhook recorded an hour ago
        var stale = integrations.observe(List.of(
                new Observation(rows.name("ordered"), Status.disconnected, null, "conflict (440)", now.minus(java.time.Duration.ofHours(2)))),
                Source.sweep);

        assertThat(stale).isEmpty();
        assertThat(rows.status(rows.name("ordered"))).isEqualTo("connected");
        assertThat(integrations.observe(List.of(new Observation(rows.name("ordered"), Status.disconnected, null, "conflict (440)", now)),
                Source.sweep)).extracting(StatusChange::to).containsExactly(Status.disconnected);
    }

    @Test
    void aNeverPairedInstanceReportedClosedStaysPendingUnlessEvolutionGivesAReason() {
        rows.seed(rows.name("quiet"), "pending");
        rows.seed(rows.name("removed"), "pending");

        var changes = integrations.observe(List.of(
                new Observation(rows.name("quiet"), Status.disconnected, null, null, now),
                new Observation(rows.name("removed"), Status.disconnected, null, "device_removed (401)", now)), Source.webhook);

        assertThat(changes).extracting(StatusChange::instanceName, StatusChange::from, StatusChange::to, StatusChange::reason)
                .containsExactly(tuple(rows.name("removed"), Status.pending, Status.disconnected, "device_removed (401)"));
        assertThat(rows.status(rows.name("quiet"))).isEqualTo("pending");
        assertThat(rows.status(rows.name("removed"))).isEqualTo("disconnected");
        assertThat(rows.text("SELECT disconnect_reason FROM integrations.integrations WHERE instance_name = ?",
                rows.name("removed"))).isEqualTo("device_removed (401)");
        assertThat(rows.count("SELECT count(*) FROM integrations.status_history WHERE instance_name = ?", rows.name("quiet")))
                .isZero();
        assertThat(rows.statusChangedEvents()).isEqualTo(1);
    }

    Observation sweepSaw(int n) {
        return switch (n % 4) {
            case 1 -> new Observation(rows.name(n), Status.connected, String.format("5511%06d", n), null, now);
            case 3 -> new Observation(rows.name(n), Status.disconnected, null, "device_removed (401)", now);
            case 2 -> new Observation(rows.name(n), Status.connecting, null, null, now);
            default -> new Observation(rows.name(n), Status.connected, "5521" + n, null, now);
        };
    }
}
