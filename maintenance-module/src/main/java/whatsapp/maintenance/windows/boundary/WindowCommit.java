package whatsapp.maintenance.windows.boundary;

import static whatsapp.web.json.JsonP.JSON;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.alerts.control.AlertWebhook;
import whatsapp.maintenance.alerts.entity.AlertsWritten;
import whatsapp.maintenance.alerts.entity.Subject;
import whatsapp.maintenance.windows.control.WindowBook;
import whatsapp.maintenance.windows.control.WindowComparison;
import whatsapp.maintenance.windows.entity.Window;
import whatsapp.maintenance.windows.entity.WindowSummary;
import whatsapp.web.json.JsonContract;

/**
 * A window's end recorded and its one summary alert raised in one transaction, only by the node that holds the step
 * and only if nobody recorded it before: the alert exists exactly once, whichever node compared.
 */
@Stateless
public class WindowCommit {

    @Inject
    WindowBook book;

    @Inject
    AlertBook alerts;

    @Inject
    AlertWebhook webhook;

    @Inject
    Event<AlertsWritten> written;

    @Resource
    SessionContext context;

    /** @return whether this call recorded it (false: the step was lost to another node, nothing written) */
    public boolean finish(Window window, UUID holder, WindowSummary summary) {
        var now = Instant.now();
        var named = summary.named();
        var counts = summary.counts();
        var subject = Subject.windowSummary(window.id(), named.isEmpty() ? List.of(MaintenanceWindows.auditName(window.id())) : named,
                counts.gone() + " gone, " + counts.recreated() + " recreated, " + counts.disconnected() + " disconnected, "
                        + counts.webhookLost() + " webhook settings lost");
        alerts.raise(subject, body(window, summary, now).toString(), now, webhook.configured());
        if (!book.finish(window.id(), holder, summary, subject.key())) {
            context.setRollbackOnly();
            return false;
        }
        written.fire(new AlertsWritten());
        return true;
    }

    /** The alert's JSON: counts, at most a few names per kind of change, the whole in words (bounded). */
    static jakarta.json.JsonObject body(Window window, WindowSummary summary, Instant now) {
        var json = JSON.createObjectBuilder()
                .add("type", Subject.WINDOW_SUMMARY)
                .add("window_id", window.id().toString())
                .add("reason", window.reason())
                .add("servers", window.servers() == null ? JSON.createArrayBuilder() : JSON.createArrayBuilder(window.servers()))
                .add("starts_at", JsonContract.Millis.FORMAT.format(window.startsAt()))
                .add("ended_at", JsonContract.Millis.FORMAT.format(window.endedAt() == null ? now : window.endedAt()))
                .add("compared", summary.compared())
                .add("counts", JSON.createObjectBuilder()
                        .add("gone", summary.counts().gone())
                        .add("recreated", summary.counts().recreated())
                        .add("disconnected", summary.counts().disconnected())
                        .add("webhook_lost", summary.counts().webhookLost()))
                .add("gone", names(summary.gone()))
                .add("recreated", names(summary.recreated()))
                .add("disconnected", names(summary.disconnected()))
                .add("webhook_lost", names(summary.webhookLost()))
                .add("not_compared", JSON.createArrayBuilder(summary.notCompared()))
                .add("needs_repairing", false)
                .add("detail", summary.detail())
                .add("occurred_at", JsonContract.Millis.FORMAT.format(now));
        return json.build();
    }

    static jakarta.json.JsonArrayBuilder names(List<String> names) {
        return JSON.createArrayBuilder(names.subList(0, Math.min(WindowComparison.NAMES_IN_DETAIL, names.size())));
    }
}
