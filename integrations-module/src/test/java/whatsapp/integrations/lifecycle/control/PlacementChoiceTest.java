package whatsapp.integrations.lifecycle.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.lifecycle.control.PlacementChoice.Candidate;

class PlacementChoiceTest {

    final List<String> probed = new ArrayList<>();

    PlacementChoice.Outcome choose(List<Candidate> servers, Map<String, String> unreachable) {
        return PlacementChoice.choose(servers, name -> {
            probed.add(name);
            return unreachable.get(name);
        });
    }

    @Test
    void mostFreeSlotsWinsAndOnlyItIsProbed() {
        var outcome = choose(List.of(new Candidate("a", 500, false, 400), new Candidate("b", 300, false, 100)), Map.of());
        assertThat(outcome.server()).contains("b");
        assertThat(probed).containsExactly("b");
    }

    @Test
    void tiesGoToTheServerConfiguredFirst() {
        assertThat(choose(List.of(new Candidate("a", 2, false, 1), new Candidate("b", 3, false, 2)), Map.of()).server())
                .contains("a");
    }

    @Test
    void drainingAndUnreachableServersArePassedOver() {
        var outcome = choose(List.of(new Candidate("a", 500, false, 10), new Candidate("b", 500, true, 0),
                new Candidate("c", 500, false, 0)), Map.of("c", "connection refused"));
        assertThat(outcome.server()).contains("a");
        assertThat(probed).containsExactly("c", "a");
        assertThat(probed).doesNotContain("b");
    }

    @Test
    void noServerLeftSaysWhichAndWhyInConfigurationOrder() {
        var outcome = choose(List.of(new Candidate("a", 2, false, 2), new Candidate("b", 5, true, 0),
                new Candidate("c", 5, false, 1)), Map.of("c", "timeout"));
        assertThat(outcome.server()).isEmpty();
        assertThat(outcome.refusals()).containsExactly("a: full (2 of 2)", "b: draining", "c: unreachable (timeout)");
        assertThat(outcome.reason()).startsWith("no Evolution server can take a new instance: a: full");
    }

    @Test
    void overfullServerCountsAsFull() {
        assertThat(choose(List.of(new Candidate("a", 1, false, 3)), Map.of()).refusals()).containsExactly("a: full (3 of 1)");
    }

    @Test
    void serversSharingADatabaseGetNoNewInstanceAndAreNeverProbed() {
        var candidates = List.of(new Candidate("a", 500, false, 0, "shares its database with b"),
                new Candidate("b", 500, false, 0, "shares its database with a"), new Candidate("c", 500, false, 400));
        var outcome = choose(candidates, Map.of());
        assertThat(outcome.server()).contains("c");
        assertThat(probed).containsExactly("c");

        var none = choose(candidates.subList(0, 2), Map.of());
        assertThat(none.server()).isEmpty();
        assertThat(none.held(candidates.subList(0, 2))).isTrue();
        assertThat(none.reason()).contains("a: shares its database with b", "b: shares its database with a");
    }
}
