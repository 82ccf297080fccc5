package whatsapp.maintenance.liveness.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /maintenance/zombie-check}: counts of one pass and its findings (every finding but {@code alive}, or the
 * one instance asked about).
 */
@JsonbPropertyOrder({"success", "startedAt", "finishedAt", "probed", "alive", "zombies", "unknown", "skipped", "findings"})
public record ZombieCheckSummary(boolean success, Instant startedAt, Instant finishedAt, int probed, int alive, int zombies,
                                 int unknown, int skipped, List<Finding> findings) {

    public ZombieCheckSummary {
        findings = List.copyOf(findings);
    }

    public static ZombieCheckSummary of(Instant startedAt, List<Finding> all, boolean listAlive) {
        int alive = count(all, Finding.ALIVE), zombies = count(all, Finding.ZOMBIE), unknown = count(all, Finding.UNKNOWN),
                skipped = count(all, Finding.SKIPPED);
        return new ZombieCheckSummary(true, startedAt, Instant.now(), alive + zombies + unknown, alive, zombies, unknown,
                skipped, listAlive ? all : all.stream().filter(f -> !Finding.ALIVE.equals(f.outcome())).toList());
    }

    static int count(List<Finding> findings, String outcome) {
        return (int) findings.stream().filter(f -> outcome.equals(f.outcome())).count();
    }
}
