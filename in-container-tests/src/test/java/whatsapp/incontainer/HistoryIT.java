package whatsapp.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
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
 * {@link Integrations#history}: the status changes of one instance in a window, preceded by the change
 * that set the state the window opens in. Runs inside the deployed application.
 */
@ExtendWith(ArquillianExtension.class)
class HistoryIT {

    @Deployment
    static EnterpriseArchive application() {
        return ApplicationArchive.withTests(HistoryIT.class, Rows.class);
    }

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Resource(lookup = "java:/jdbc/WhatsAppDS")
    DataSource dataSource;

    Rows rows;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String instance;

    /**
     * One instance that went pending → connecting (4 h ago) → connected (3 h) → disconnected (2 h) →
     * connected (1 h), one webhook or sweep at a time; a neighbour changed inside every window.
     */
    @BeforeEach
    void fourChanges() {
        rows = new Rows(dataSource, "ict-history-");
        rows.removeAll();
        instance = rows.name("one");
        rows.seed(instance, "pending");
        rows.seed(rows.name("neighbour"), "pending");
        see(instance, "connecting", null, 4);
        see(instance, "connected", null, 3);
        see(instance, "disconnected", "device_removed (401)", 2);
        see(instance, "connected", null, 1);
        see(rows.name("neighbour"), "connecting", null, 2);
    }

    @AfterEach
    void removeSeededRows() {
        rows.removeAll();
    }

    @Test
    void theChangeBeforeTheWindowComesFirstThenTheChangesInsideOldestFirst() {
        var history = integrations.history(instance, hoursAgo(2).minus(Duration.ofMinutes(30)));

        assertThat(history).extracting(StatusChange::instanceName, StatusChange::from, StatusChange::to,
                        StatusChange::reason, StatusChange::at)
                .containsExactly(
                        tuple(instance, Status.connecting, Status.connected, null, hoursAgo(3)),
                        tuple(instance, Status.connected, Status.disconnected, "device_removed (401)", hoursAgo(2)),
                        tuple(instance, Status.disconnected, Status.connected, null, hoursAgo(1)));
    }

    @Test
    void aWindowStartingExactlyAtAChangeIncludesItAndTheOneBefore() {
        var history = integrations.history(instance, hoursAgo(2));

        assertThat(history).extracting(StatusChange::at).containsExactly(hoursAgo(3), hoursAgo(2), hoursAgo(1));
    }

    @Test
    void aWindowBeforeTheFirstChangeHoldsEveryChange() {
        var history = integrations.history(instance, hoursAgo(5));

        assertThat(history).extracting(StatusChange::to).containsExactly(Status.connecting, Status.connected, Status.disconnected, Status.connected);
        assertThat(history).extracting(StatusChange::source).containsOnly(Source.webhook);
    }

    @Test
    void aWindowAfterTheLastChangeHoldsOnlyTheStateItOpensIn() {
        var history = integrations.history(instance, now);

        assertThat(history).extracting(StatusChange::from, StatusChange::to, StatusChange::at)
                .containsExactly(tuple(Status.disconnected, Status.connected, hoursAgo(1)));
    }

    @Test
    void anInstanceWithoutChangesHasNoHistory() {
        assertThat(integrations.history(rows.name("unknown"), hoursAgo(5))).isEmpty();
    }

    void see(String name, String status, String reason, int hoursAgo) {
        var changes = integrations.observe(List.of(new Observation(name, Status.valueOf(status), null, reason, hoursAgo(hoursAgo))), Source.webhook);
        assertThat(changes).as("seeding %s → %s", name, status).hasSize(1);
    }

    Instant hoursAgo(int hours) {
        return now.minus(Duration.ofHours(hours));
    }
}
