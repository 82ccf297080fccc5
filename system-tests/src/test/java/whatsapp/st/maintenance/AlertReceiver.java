package whatsapp.st.maintenance;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import whatsapp.st.systems.Stack;

/** Stands in for ALERT_WEBHOOK_URL: collects every alert the server POSTs. */
final class AlertReceiver implements AutoCloseable {

    final HttpServer server;
    final List<JsonObject> alerts = new CopyOnWriteArrayList<>();

    private AlertReceiver(HttpServer server) {
        this.server = server;
    }

    static AlertReceiver start() {
        try {
            var receiver = new AlertReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", Stack.ALERT_PORT), 16));
            receiver.server.createContext("/alerts", exchange -> {
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    receiver.alerts.add(Json.createReader(new StringReader(body)).readObject());
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonObject> alerts() {
        return List.copyOf(alerts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
