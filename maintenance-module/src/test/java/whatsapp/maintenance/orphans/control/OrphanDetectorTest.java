package whatsapp.maintenance.orphans.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.evolution.instances.entity.ConnectionState;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.integrations.api.IntegrationSummary;
import whatsapp.integrations.api.Status;

class OrphanDetectorTest {

    static final Instant NOW = Instant.parse("2025-11-15T16:45:00Z");
    static final Duration GRACE = Duration.ofMinutes(10);
    static final Instant OLD = NOW.minus(Duration.ofHours(2));
    static final String PREFIX = "clinic-";

    @Test
    void instanceWithoutOurPrefixIsNeverAnOrphan() {
        var orphans = OrphanDetector.detect(List.of(instance("someone-else-1", OLD)), List.of(), PREFIX, GRACE, NOW);
        assertThat(orphans.instances()).isEmpty();
        assertThat(orphans.ownedInstances()).isZero();
        assertThat(orphans.evolutionInstances()).isOne();
    }

    @Test
    void oldUnreferencedInstanceIsAnOrphanAndAReferencedOneIsNot() {
        var orphans = OrphanDetector.detect(List.of(instance("clinic-a-1", OLD), instance("clinic-b-1", OLD)),
                List.of(row("clinic-b-1", OLD, true)), PREFIX, GRACE, NOW);
        assertThat(orphans.instances()).extracting(EvolutionInstance::name).containsExactly("clinic-a-1");
        assertThat(orphans.rows()).isEmpty();
    }

    @Test
    void instanceYoungerThanTheGracePeriodIsACreateInFlight() {
        var young = NOW.minus(GRACE).plusSeconds(1);
        var orphans = OrphanDetector.detect(List.of(instance("clinic-a-1", young)), List.of(), PREFIX, GRACE, NOW);
        assertThat(orphans.instances()).isEmpty();
    }

    @Test
    void withoutCreatedAtTheAgeComesFromTheNameAndUnknownAgeIsNeverOld() {
        var fromName = instance("clinic-org-1-" + OLD.toEpochMilli(), null);
        var youngName = instance("clinic-org-2-" + NOW.toEpochMilli(), null);
        var noAge = instance("clinic-custom-name", null);
        var orphans = OrphanDetector.detect(List.of(fromName, youngName, noAge), List.of(), PREFIX, GRACE, NOW);
        assertThat(orphans.instances()).containsExactly(fromName);
    }

    @Test
    void oldEnabledRowWhoseInstanceIsNotListedIsAnOrphan() {
        var gone = row("clinic-gone-1", OLD, true);
        var young = row("clinic-young-1", NOW.minusSeconds(30), true);
        var deleting = row("clinic-deleting-1", OLD, false);
        var present = row("clinic-present-1", OLD, true);
        var orphans = OrphanDetector.detect(List.of(instance("clinic-present-1", OLD)), List.of(gone, young, deleting, present),
                PREFIX, GRACE, NOW);
        assertThat(orphans.rows()).containsExactly(gone);
        assertThat(orphans.dbRecords()).isEqualTo(3);
        assertThat(orphans.instances()).isEmpty();
    }

    @Test
    void aRowBeingDeletedStillKeepsItsInstance() {
        var orphans = OrphanDetector.detect(List.of(instance("clinic-a-1", OLD)), List.of(row("clinic-a-1", OLD, false)),
                PREFIX, GRACE, NOW);
        assertThat(orphans.instances()).isEmpty();
    }

    @Test
    void openInstancesSharingANumberAreDuplicatesAndTheReferencedOneIsKept() {
        var listed = List.of(
                paired("clinic-a-1", ConnectionState.open, "5511999990000@s.whatsapp.net"),
                paired("clinic-a-2", ConnectionState.open, "5511999990000:12@s.whatsapp.net"),
                paired("clinic-b-1", ConnectionState.open, "5511888880000@s.whatsapp.net"));
        var orphans = OrphanDetector.detect(listed, List.of(row("clinic-a-1", OLD, true), row("clinic-b-1", OLD, true)),
                PREFIX, GRACE, NOW);
        assertThat(orphans.duplicates()).hasSize(1);
        var duplicate = orphans.duplicates().get(0);
        assertThat(duplicate.phoneNumber()).isEqualTo("5511999990000");
        assertThat(duplicate.instances()).containsExactly("clinic-a-1", "clinic-a-2");
        assertThat(duplicate.kept()).containsExactly("clinic-a-1");
        assertThat(orphans.instances()).extracting(EvolutionInstance::name).containsExactly("clinic-a-2");
    }

    @Test
    void aStickyOwnerOnAClosedInstanceIsHistoryNotADuplicate() {
        var listed = List.of(
                paired("clinic-a-1", ConnectionState.open, "5511999990000@s.whatsapp.net"),
                paired("clinic-a-0", ConnectionState.close, "5511999990000@s.whatsapp.net"),
                paired("clinic-a-9", ConnectionState.connecting, "5511999990000@s.whatsapp.net"));
        var orphans = OrphanDetector.detect(listed, List.of(), PREFIX, GRACE, NOW);
        assertThat(orphans.duplicates()).isEmpty();
    }

    @Test
    void fiftyThousandInstancesAndRowsAreComparedInLinearTime() {
        var listed = new ArrayList<EvolutionInstance>();
        var rows = new ArrayList<IntegrationSummary>();
        for (int i = 0; i < 50_000; i++) {
            listed.add(instance("clinic-org-" + i + "-1763224272772", OLD));
            rows.add(row("clinic-org-" + i + "-1763224272772", OLD, true));
        }
        long start = System.nanoTime();
        var orphans = OrphanDetector.detect(listed, rows, PREFIX, GRACE, NOW);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(orphans.candidates()).isZero();
    }

    static EvolutionInstance instance(String name, Instant createdAt) {
        return new EvolutionInstance(name, UUID.randomUUID().toString(), ConnectionState.close, null, null, null, null, createdAt);
    }

    static EvolutionInstance paired(String name, ConnectionState state, String ownerJid) {
        return new EvolutionInstance(name, UUID.randomUUID().toString(), state, ownerJid, null, null, null, OLD);
    }

    static IntegrationSummary row(String instanceName, Instant createdAt, boolean enabled) {
        return new IntegrationSummary(UUID.randomUUID(), "org", instanceName, enabled ? Status.connected : Status.deleting, enabled,
                null, null, null, createdAt, createdAt, createdAt, false);
    }
}
