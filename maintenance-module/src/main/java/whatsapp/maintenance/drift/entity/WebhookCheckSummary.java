package whatsapp.maintenance.drift.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import whatsapp.integrations.api.WebhookCheck;

/**
 * {@code POST /maintenance/webhook-check}: counts of one pass and its findings (all but {@code ok}, or the one instance
 * asked about).
 */
@JsonbPropertyOrder({"success", "startedAt", "finishedAt", "checked", "ok", "repaired", "repairFailed", "retryLater",
        "unknown", "skipped", "findings"})
public record WebhookCheckSummary(boolean success, Instant startedAt, Instant finishedAt, int checked, int ok, int repaired,
                                  int repairFailed, int retryLater, int unknown, int skipped, List<Finding> findings) {

    public WebhookCheckSummary {
        findings = List.copyOf(findings);
    }

    /** @param outcome {@code ok}, {@code repaired}, {@code repair_failed}, {@code retry_later}, {@code unknown}, {@code skipped} */
    @JsonbPropertyOrder({"instanceName", "organizationId", "outcome", "detail"})
    public record Finding(String instanceName, String organizationId, String outcome, String detail) {

        public static Finding of(WebhookCheck check) {
            return new Finding(check.instanceName(), check.organizationId(), WebhookCheckSummary.outcome(check.outcome()), check.detail());
        }
    }

    public static String outcome(WebhookCheck.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    public static WebhookCheckSummary of(Instant startedAt, List<WebhookCheck> checks, boolean listOk) {
        return new WebhookCheckSummary(true, startedAt, Instant.now(),
                checks.size() - count(checks, WebhookCheck.Outcome.SKIPPED), count(checks, WebhookCheck.Outcome.OK),
                count(checks, WebhookCheck.Outcome.REPAIRED), count(checks, WebhookCheck.Outcome.REPAIR_FAILED),
                count(checks, WebhookCheck.Outcome.RETRY_LATER), count(checks, WebhookCheck.Outcome.UNKNOWN),
                count(checks, WebhookCheck.Outcome.SKIPPED),
                checks.stream().filter(c -> listOk || c.outcome() != WebhookCheck.Outcome.OK).map(Finding::of).toList());
    }

    static int count(List<WebhookCheck> checks, WebhookCheck.Outcome outcome) {
        return (int) checks.stream().filter(c -> c.outcome() == outcome).count();
    }
}
