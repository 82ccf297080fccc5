package whatsapp.maintenance.runs.entity;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /maintenance/runs}: {"runs": [...]}, newest first. */
public record RunHistory(List<Entry> runs) {

    public RunHistory {
        runs = List.copyOf(runs);
    }

    public static RunHistory of(List<Run> runs) {
        return new RunHistory(runs.stream().map(Entry::of).toList());
    }

    /** @param summary the run's JSON summary as it was stored, null while running or when there is none */
    @JsonbPropertyOrder({"id", "type", "triggeredBy", "outcome", "startedAt", "completedAt", "summary"})
    public record Entry(UUID id, String type, String triggeredBy, String outcome, Instant startedAt, Instant completedAt,
                        JsonValue summary) {

        static Entry of(Run run) {
            var summary = run.summary() == null ? null : JSON.createReader(new StringReader(run.summary())).readValue();
            return new Entry(run.id(), run.type(), run.triggeredBy(), run.outcome(), run.startedAt(), run.completedAt(), summary);
        }
    }
}
