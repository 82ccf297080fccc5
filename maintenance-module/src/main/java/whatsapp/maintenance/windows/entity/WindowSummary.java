package whatsapp.maintenance.windows.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * What changed on a maintenance window's servers between its start and its end, as the one summary alert says it.
 *
 * @param compared        instances seen at the start and compared at the end
 * @param counts          how many of each change (the lists name at most 100 each)
 * @param gone            listed at the start, no longer listed by their server
 * @param recreated       listed under another Evolution id: deleted and created again
 * @param disconnected    connected at the start, not connected at the end
 * @param webhookLost     Evolution's webhook settings were no longer ours (set again)
 * @param notCompared     servers not listed at the start or at the end: their instances were not compared
 * @param webhooksUnchecked instances whose webhook settings were not checked (beyond the cap): the rolling check will
 * @param detail          the whole in words, bounded
 */
@JsonbPropertyOrder({"compared", "counts", "gone", "recreated", "disconnected", "webhook_lost", "not_compared", "webhooks_unchecked", "detail"})
public record WindowSummary(int compared, Counts counts, List<String> gone, List<String> recreated, List<String> disconnected,
                            List<String> webhookLost, List<String> notCompared, int webhooksUnchecked, String detail) {

    @JsonbPropertyOrder({"gone", "recreated", "disconnected", "webhook_lost"})
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WindowChangeCounts")
    public record Counts(int gone, int recreated, int disconnected, int webhookLost) {
    }

    public boolean nothingChanged() {
        return counts.gone() + counts.recreated() + counts.disconnected() + counts.webhookLost() == 0;
    }

    /** Every instance named, each once, in category order. */
    public List<String> named() {
        var names = new java.util.LinkedHashSet<String>();
        names.addAll(gone);
        names.addAll(recreated);
        names.addAll(disconnected);
        names.addAll(webhookLost);
        return List.copyOf(names);
    }
}
