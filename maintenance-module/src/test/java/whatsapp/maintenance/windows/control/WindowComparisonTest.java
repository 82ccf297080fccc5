package whatsapp.maintenance.windows.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.windows.entity.Seen;
import whatsapp.maintenance.windows.entity.Snapshot;

class WindowComparisonTest {

    static Seen seen(String name, String server, String id, Status status) {
        return new Seen(name, server, id, status);
    }

    static final Snapshot BEFORE = new Snapshot(Set.of("a", "b"), List.of(
            seen("clinic-1", "a", "id-1", Status.connected),
            seen("clinic-2", "a", "id-2", Status.connected),
            seen("clinic-3", "a", "id-3", Status.connected),
            seen("clinic-4", "a", "id-4", Status.disconnected),
            seen("clinic-5", "b", "id-5", Status.connected),
            seen("clinic-6", "a", null, null)));

    @Test
    void goneRecreatedAndDisconnectedAreTold() {
        var after = new Snapshot(Set.of("a", "b"), List.of(
                seen("clinic-1", "a", "id-1", Status.connected),
                seen("clinic-2", "a", "id-2-new", Status.connected),
                seen("clinic-3", "a", "id-3", Status.disconnected),
                seen("clinic-4", "a", "id-4", Status.disconnected),
                seen("clinic-5", "b", null, null),
                seen("clinic-6", "a", null, null)));
        var ours = Set.of("clinic-1", "clinic-2", "clinic-3", "clinic-4", "clinic-5", "clinic-6");

        var changes = WindowComparison.compare(BEFORE, after, ours);

        assertThat(changes.gone()).containsExactly("clinic-5");
        assertThat(changes.recreated()).containsExactly("clinic-2");
        assertThat(changes.disconnected()).as("clinic-4 was disconnected before already").containsExactly("clinic-3");
        assertThat(changes.compared()).as("clinic-6 was absent at the start").hasSize(5);
        assertThat(changes.unchanged()).containsExactly("clinic-1", "clinic-3", "clinic-4");
        assertThat(changes.notCompared()).isEmpty();

        var summary = WindowComparison.summary("\"upgrade\" (every server)", changes, List.of("clinic-1"), 0);
        assertThat(summary.counts().gone()).isEqualTo(1);
        assertThat(summary.counts().webhookLost()).isEqualTo(1);
        assertThat(summary.nothingChanged()).isFalse();
        assertThat(summary.named()).containsExactly("clinic-5", "clinic-2", "clinic-3", "clinic-1");
        assertThat(summary.detail()).isEqualTo("Maintenance window \"upgrade\" (every server) ended: 5 instances compared; "
                + "1 gone (clinic-5); 1 recreated (new Evolution id) (clinic-2); 1 disconnected (clinic-3); "
                + "1 webhook settings lost (set again) (clinic-1)");
    }

    @Test
    void instancesRemovedThroughTheServiceAndUnlistedServersAreNotCompared() {
        var after = new Snapshot(Set.of("a"), List.of(seen("clinic-3", "a", "id-3", Status.connected)));
        var changes = WindowComparison.compare(BEFORE, after, Set.of("clinic-3", "clinic-5"));

        assertThat(changes.gone()).as("clinic-1, -2 and -4 were deleted here; b was not listed at the end").isEmpty();
        assertThat(changes.compared()).extracting(Seen::instanceName).containsExactly("clinic-3");
        assertThat(changes.notCompared()).containsExactly("b");
        var summary = WindowComparison.summary("x", changes, List.of(), 0);
        assertThat(summary.nothingChanged()).isTrue();
        assertThat(summary.detail()).endsWith("Not compared (server not listed): b");
    }

    @Test
    void theSummaryStaysBoundedWhateverTheFleet() {
        var before = new ArrayList<Seen>();
        for (int i = 0; i < 10_000; i++) before.add(seen("clinic-organization-with-a-long-name-" + i, "a", "id-" + i, Status.connected));
        var changes = WindowComparison.compare(new Snapshot(Set.of("a"), before), new Snapshot(Set.of("a"), List.of()),
                Set.copyOf(before.stream().map(Seen::instanceName).toList()));

        var summary = WindowComparison.summary("x", changes, List.of(), 0);

        assertThat(summary.counts().gone()).isEqualTo(10_000);
        assertThat(summary.gone()).hasSize(WindowComparison.NAMES_KEPT);
        assertThat(summary.detail()).hasSizeLessThanOrEqualTo(WindowComparison.DETAIL_MAX).contains("and 9990 more");
    }

    @Test
    void aSnapshotSurvivesItsJson() {
        assertThat(Snapshot.fromJson(BEFORE.toJson())).isEqualTo(BEFORE);
    }
}
