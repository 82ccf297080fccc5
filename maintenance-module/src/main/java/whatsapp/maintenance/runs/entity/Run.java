package whatsapp.maintenance.runs.entity;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import whatsapp.web.json.JsonContract;

/** One cleanup or health sweep and how it ended. */
@Entity
@Table(schema = "maintenance", name = "runs")
public class Run {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String ABORTED = "aborted";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    @Id
    UUID id;

    String type;

    @Column(name = "triggered_by")
    String triggeredBy;

    String outcome;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "completed_at")
    Instant completedAt;

    String summary;

    protected Run() {
    }

    Run(UUID id, RunType type, String triggeredBy, String outcome, Instant startedAt) {
        this.id = id;
        this.type = type.name();
        this.triggeredBy = triggeredBy;
        this.outcome = outcome;
        this.startedAt = startedAt;
    }

    public static Run started(UUID id, RunType type, String triggeredBy, Instant at) {
        return new Run(id, type, triggeredBy, RUNNING, at);
    }

    /** A run that did not start because another one held the lock. */
    public static Run skipped(RunType type, String triggeredBy, String summary, Instant at) {
        var run = new Run(UUID.randomUUID(), type, triggeredBy, SKIPPED, at);
        run.finish(SKIPPED, summary, at);
        return run;
    }

    /** {"reason": ..., "skips": n, "last_skipped_at": ...}: what a run of skips is collapsed into. */
    public static String skippedSummary(String reason, long skips, Instant last) {
        return JSON.createObjectBuilder().add("reason", reason).add("skips", skips)
                .add("last_skipped_at", JsonContract.Millis.FORMAT.format(last)).build().toString();
    }

    /** One more skip collapsed into this row: counted, and the row completes at the last one. */
    public void skippedAgain(String reason, Instant at) {
        long skips = 1;
        if (summary != null) {
            var earlier = JSON.createReader(new StringReader(summary)).readObject();
            skips = earlier.containsKey("skips") ? earlier.getJsonNumber("skips").longValue() : 1;
        }
        finish(SKIPPED, skippedSummary(reason, skips + 1, at), at);
    }

    public void finish(String outcome, String summary, Instant at) {
        this.outcome = outcome;
        this.summary = summary;
        this.completedAt = at;
    }

    /** A run's duration as its summary shows it: seconds, rounded to hundredths. */
    public static double seconds(Instant from, Instant to) {
        return Math.round(java.time.Duration.between(from, to).toMillis() / 10.0) / 100.0;
    }

    public UUID id() { return id; }
    public String type() { return type; }
    public String triggeredBy() { return triggeredBy; }
    public String outcome() { return outcome; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public String summary() { return summary; }
}
