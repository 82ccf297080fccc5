package whatsapp.maintenance.orphans.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.orphans.entity.Orphans;

class DeletionGuardsTest {

    @Test
    void anEmptyListingWhileEnabledRowsExistAborts() {
        var reason = DeletionGuards.abortReason(orphans(0, 0, 3, 0, 3), 20);
        assertThat(reason).hasValueSatisfying(text -> assertThat(text).contains("none of our instances", "3 enabled"));
    }

    @Test
    void listingOnlySomeoneElsesInstancesCountsAsEmpty() {
        assertThat(DeletionGuards.abortReason(orphans(7, 0, 1, 0, 1), 20)).isPresent();
    }

    @Test
    void anEmptyListingWithoutRowsIsFine() {
        assertThat(DeletionGuards.abortReason(orphans(0, 0, 0, 0, 0), 20)).isEmpty();
    }

    @Test
    void moreCandidatesThanTheMaximumAbortWithTheCount() {
        var reason = DeletionGuards.abortReason(orphans(30, 30, 10, 4, 2), 5);
        assertThat(reason).hasValueSatisfying(text -> assertThat(text).contains("6 orphan candidates", "maximum of 5"));
    }

    @Test
    void exactlyTheMaximumMayProceed() {
        assertThat(DeletionGuards.abortReason(orphans(30, 30, 10, 3, 2), 5)).isEmpty();
    }

    static Orphans orphans(int listed, int owned, int rows, int orphanedInstances, int orphanedRows) {
        var instances = IntStream.range(0, orphanedInstances)
                .mapToObj(i -> new EvolutionInstance("clinic-" + i, null, null, null, null, null, null, null)).toList();
        var records = IntStream.range(0, orphanedRows)
                .mapToObj(i -> new IntegrationSummary(null, "org", "clinic-r" + i, Status.pending, true, null, null, null, null, null, null, false))
                .toList();
        return new Orphans(listed, owned, rows, instances, records, List.of());
    }
}
