package whatsapp.integrations.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import whatsapp.integrations.api.Status;
import whatsapp.integrations.events.entity.Assignment;
import whatsapp.integrations.events.entity.EventType;
import whatsapp.integrations.events.entity.Unsequenced;

class SequencingTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static Unsequenced event(UUID integration) {
        var id = UUID.randomUUID();
        return new Unsequenced(id, integration, EventJson.unsequenced(id, EventType.STATUS_CHANGED, "clinic-x-1", "org-x",
                integration, Status.connected, Instant.parse("2025-11-15T10:00:00Z")));
    }

    @Test
    void eventsAreOrderedAsGivenWhateverOrderTheSequenceValuesCameIn() {
        var events = List.of(event(A), event(B), event(A));
        var assigned = Sequencing.assign(events, List.of(12L, 10L, 11L), Map.of());
        assertThat(assigned).extracting(Assignment::eventId).containsExactlyElementsOf(events.stream().map(Unsequenced::eventId).toList());
        assertThat(assigned).extracting(Assignment::sequence).containsExactly(10L, 11L, 12L);
    }

    @Test
    void versionsCountOnFromTheIntegrationsLastVersion() {
        var assigned = Sequencing.assign(List.of(event(A), event(B), event(A)), List.of(1L, 2L, 3L), Map.of(A, 4L));
        assertThat(assigned).extracting(Assignment::version).containsExactly(5L, 1L, 6L);
        assertThat(Sequencing.lastVersions(assigned)).isEqualTo(Map.of(A, 6L, B, 1L));
    }

    @Test
    void theStoredJsonCarriesSequenceAndVersion() {
        var assigned = Sequencing.assign(List.of(event(A)), List.of(41L), Map.of(A, 1L)).get(0);
        var json = EventJson.parse(assigned.payload());
        assertThat(json.getJsonNumber("sequence").longValue()).isEqualTo(41L);
        assertThat(json.getJsonNumber("version").longValue()).isEqualTo(2L);
        assertThat(json.getString("event_id")).isEqualTo(assigned.eventId().toString());
    }
}
