package whatsapp.integrations.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.IntegrationRef;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.events.entity.Sequenced;

class RelayPlanTest {

    static final UUID A = UUID.randomUUID();
    static long sequence;

    static Sequenced event(EventType type, Status status) {
        return new Sequenced(UUID.randomUUID(), type, A, ++sequence, sequence, status.name(), "clinic-a-1", "{}");
    }

    static Map<UUID, IntegrationRef> row(Status status) {
        return Map.of(A, new IntegrationRef(A, "org-a", "clinic-a-1", status));
    }

    @Test
    void aLiveIntegrationsEntryIsRewrittenFromItsRowOnceBeforeItsFirstEvent() {
        var first = event(EventType.CREATED, Status.pending);
        var second = event(EventType.STATUS_CHANGED, Status.connected);
        var plan = RelayPlan.of(List.of(first, second), row(Status.connected));
        assertThat(plan.refreshBefore(first)).get().extracting(IntegrationRef::status).isEqualTo(Status.connected);
        assertThat(plan.refreshBefore(second)).isEmpty();
    }

    @Test
    void aLateStatusChangeOfADeletedIntegrationNeverBringsItsEntryBack() {
        var plan = RelayPlan.of(List.of(event(EventType.STATUS_CHANGED, Status.connected)), Map.of());
        assertThat(plan.toRefresh()).isEmpty();
    }

    @Test
    void anIntegrationBeingDeletedIsNotRefreshed() {
        var plan = RelayPlan.of(List.of(event(EventType.STATUS_CHANGED, Status.connected)), row(Status.deleting));
        assertThat(plan.toRefresh()).isEmpty();
    }

    @Test
    void anIntegrationRemovedInTheSameBatchIsNotRefreshedBeforeItsRemoval() {
        var plan = RelayPlan.of(List.of(event(EventType.STATUS_CHANGED, Status.connected),
                event(EventType.REMOVED, Status.deleting)), row(Status.connected));
        assertThat(plan.toRefresh()).isEmpty();
    }

    @Test
    void aRemovalOrADeletingEventNeverRefreshes() {
        assertThat(RelayPlan.of(List.of(event(EventType.STATUS_CHANGED, Status.deleting)), row(Status.connected)).toRefresh()).isEmpty();
        assertThat(RelayPlan.of(List.of(event(EventType.REMOVED, Status.deleting)), row(Status.connected)).toRefresh()).isEmpty();
    }
}
