package whatsapp.soak;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for ALERT_WEBHOOK_URL: answers 204, dedupes on {@code notice_id} as a receiver should, and checks that an
 * alert ({@code alert_id}) is raised (and resolved) by one notice only, whatever the retries.
 */
final class AlertReceiver implements AutoCloseable {

    final HttpServer server;
    final Stats stats;
    /** notice_id → the notice. */
    final Map<String, JsonObject> notices = new ConcurrentHashMap<>();
    /** "alert_id notice-kind" → the notice_ids seen for it. */
    final Map<String, Set<String>> byAlert = new ConcurrentHashMap<>();

    AlertReceiver(int port, Stats stats) throws IOException {
        this.stats = stats;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 32);
        server.createContext("/alerts", exchange -> {
            try (exchange) {
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    receive(Json.createReader(new StringReader(body)).readObject());
                } catch (RuntimeException e) {
                    stats.count("alerts: unreadable body");
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    void receive(JsonObject message) {
        stats.count("alerts: POSTs received");
        if (message.containsKey("alerts")) {
            for (var notice : message.getJsonArray("alerts").getValuesAs(JsonObject.class)) notice(notice);
        } else {
            notice(message);
        }
    }

    void notice(JsonObject notice) {
        String noticeId = notice.getString("notice_id", null);
        String alertId = notice.getString("alert_id", null);
        String kind = notice.getString("notice", "?");
        stats.count("alerts: notices received");
        if (noticeId == null || alertId == null) {
            stats.count("alerts: notices without notice_id/alert_id");
            return;
        }
        if (notices.putIfAbsent(noticeId, notice) != null) {
            stats.count("alerts: notice delivered again (deduped on notice_id)");
            return;
        }
        stats.count("alerts: distinct notices " + kind);
        if (kind.equals("reminder")) return;   // reminders repeat by design
        var ids = byAlert.computeIfAbsent(alertId + " " + kind, k -> ConcurrentHashMap.newKeySet());
        ids.add(noticeId);
        var invariant = stats.invariant("every alert once per alert_id");
        invariant.checked(1);
        if (ids.size() > 1)
            invariant.violated("alert " + alertId + " got " + ids.size() + " distinct '" + kind + "' notices " + ids
                    + " (" + notice.getString("instance_name", "?") + ")");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
