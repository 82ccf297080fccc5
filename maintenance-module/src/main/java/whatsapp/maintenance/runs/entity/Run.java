package whatsapp.maintenance.runs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One cleanup or health sweep and how it ended. */
@Entity
@Table(schema = "maintenance", name = "runs")
public class Run {

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

    public UUID id() { return id; }
    public String type() { return type; }
    public String triggeredBy() { return triggeredBy; }
    public String outcome() { return outcome; }
    public Instant startedAt() { return startedAt; }
    public Instant completedAt() { return completedAt; }
    public String summary() { return summary; }
}
