package whatsapp.st.maintenance;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Stack;

/**
 * Stands in for ALERT_WEBHOOK_URL: collects every alert the server POSTs and answers 204, or first the statuses it
 * was told to ({@link #failFirst}). {@link #alerts()} holds what it accepted, {@link #attempts()} every POST.
 */
final class AlertReceiver implements AutoCloseable {

    final HttpServer server;
    final List<JsonObject> alerts = new CopyOnWriteArrayList<>();
    final List<JsonObject> attempts = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    /** Whose POSTs {@link #answers} are for: another test's late alert must not use them up. */
    volatile Predicate<JsonObject> failing = alert -> false;

    private AlertReceiver(HttpServer server) {
        this.server = server;
    }

    static AlertReceiver start() {
        try {
            var receiver = new AlertReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", Stack.ALERT_PORT), 16));
            receiver.server.createContext("/alerts", exchange -> {
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    var alert = Json.createReader(new StringReader(body)).readObject();
                    receiver.attempts.add(alert);
                    var status = receiver.failing.test(alert) ? receiver.answers.poll() : null;
                    if (status == null) receiver.alerts.add(alert);
                    exchange.sendResponseHeaders(status == null ? 204 : status, -1);
                }
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next POSTs about this instance are answered with these statuses (say 500, 500, 500), then 204 again; POSTs
     * about other instances (another test's alert still being retried) are accepted meanwhile.
     */
    AlertReceiver failFirst(String instanceName, Integer... statuses) {
        failing = about(instanceName);
        answers.addAll(List.of(statuses));
        return this;
    }

    List<JsonObject> alerts() {
        return List.copyOf(alerts);
    }

    List<JsonObject> attempts() {
        return List.copyOf(attempts);
    }

    /**
     * Every notice accepted, a grouped message counted as the notices it lists: other tests' alerts, refused while
     * no receiver listened, may arrive grouped with this test's, so tests look at the notices about their instances.
     */
    List<JsonObject> notices() {
        var notices = new java.util.ArrayList<JsonObject>();
        for (var alert : alerts) {
            if (alert.containsKey("alerts")) notices.addAll(alert.getJsonArray("alerts").getValuesAs(JsonObject.class));
            else notices.add(alert);
        }
        return notices;
    }

    /** The notices accepted about this instance (a duplicate number's too), of this kind (raised, reminder, resolved). */
    List<JsonObject> notices(String instanceName, String notice) {
        return notices().stream().filter(about(instanceName)).filter(n -> notice.equals(n.getString("notice", null))).toList();
    }

    /** Waits (up to {@code within}) for an accepted notice about the instance, and returns the first. */
    JsonObject await(String instanceName, String notice, Duration within) {
        Poll.until(() -> !notices(instanceName, notice).isEmpty(), within, "a " + notice + " notice about " + instanceName);
        return notices(instanceName, notice).get(0);
    }

    /** Waits long enough for the relay (it delivers within a second or two) to have sent anything it would. */
    AlertReceiver settled() {
        Poll.pause(3000);
        return this;
    }

    /** A notice about the instance, or a grouped message listing one. */
    static Predicate<JsonObject> about(String instanceName) {
        Predicate<JsonObject> notice = alert -> instanceName.equals(alert.getString("instance_name", null))
                || (alert.containsKey("instances")
                        && alert.getJsonArray("instances").getValuesAs(jakarta.json.JsonString::getString).contains(instanceName));
        return alert -> notice.test(alert) || (alert.containsKey("alerts")
                && alert.getJsonArray("alerts").getValuesAs(JsonObject.class).stream().anyMatch(notice));
    }

    /**
     * Every POST that carried a notice about the instance, as that notice (out of a grouped message too): the server
     * groups the notices due at once, so under load this test's may travel with another test's late one.
     */
    List<JsonObject> attemptsAbout(String instanceName) {
        var single = about(instanceName);
        var found = new java.util.ArrayList<JsonObject>();
        for (var attempt : attempts) {
            var listed = attempt.containsKey("alerts") ? attempt.getJsonArray("alerts").getValuesAs(JsonObject.class) : List.of(attempt);
            listed.stream().filter(single).findFirst().ifPresent(found::add);
        }
        return found;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
