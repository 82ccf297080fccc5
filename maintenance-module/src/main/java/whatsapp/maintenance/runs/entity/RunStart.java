package whatsapp.maintenance.runs.entity;

import java.time.Instant;
import java.util.UUID;

/** Who started which run when: what a run's work is handed once it holds the lock. */
public record RunStart(UUID id, String triggeredBy, Instant startedAt) {
}
