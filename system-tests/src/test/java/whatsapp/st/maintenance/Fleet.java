package whatsapp.st.maintenance;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Database;
import whatsapp.st.systems.Events;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * The fleet as the maintenance tests arrange it: instances seeded into the Evolution simulator, integration
 * rows (old ones through the {@link Database} helper, since the API only creates rows now), and the endpoints.
 * Orphan detection and the status listing look at the whole fleet, so every test starts from (and leaves) an
 * empty one, made through the API: see {@link #cleanSlate()}. Audit log, outbox, status history, alert
 * cooldowns and restart attempts are not emptied: every test has instance names of its own (see {@link #OLD})
 * and counts only the entries, events, alerts and restarts that name them.
 */
final class Fleet {

    /**
     * Comfortably older than the 10 minutes of grace the tests run with, and a different millisecond for every
     * test ({@link FleetTests} moves it on): instance names {@code clinic-<org>-<OLD millis>} are then the
     * test's own, and so are the history, audit entries, alert cooldowns and restart attempts that name them.
     */
    static Instant OLD = Instant.now().minus(Duration.ofHours(2));

    private Fleet() {
    }

    /** A fresh {@link #OLD} for the next test, strictly later than the last one. */
    static void nextTest() {
        var now = Instant.now().minus(Duration.ofHours(2));
        OLD = now.isAfter(OLD) ? now : OLD.plusMillis(1);
    }

    static EvolutionSimulator evolution() {
        return Stack.get().simulator().orElseThrow(() -> new IllegalStateException("the tests need the simulator"));
    }

    /**
     * An empty fleet, made the way an operator would: the simulator forgets every instance, then every
     * integration other tests left behind is deleted through the API (Evolution, now empty, answers 404 and the
     * row goes at once; one still retrying a deletion goes with its next retry). The calls those deletions made
     * are forgotten, so that a test counting Evolution calls counts its own only.
     */
    static void cleanSlate() {
        evolution().reset();
        for (var integration : Integrations.all()) Integrations.delete(integration.getString("id"));
        Poll.until(() -> Integrations.all().isEmpty(), Duration.ofSeconds(60), "an empty fleet");
        evolution().resetCalls();   // those deletions' logout and delete calls are not the test's
    }

    /** {@code clinic-<org>-<epoch millis>}, as this deployment names its instances. */
    static String name(String organization, Instant created) {
        return "clinic-" + organization + "-" + created.toEpochMilli();
    }

    static SeedInstance instance(String name, Instant created) {
        return SeedInstance.named(name).status("close").createdAt(created);
    }

    /** An enabled, connected row created at {@code created}, with no instance unless the test seeds one. */
    static UUID row(String organization, String instanceName, Instant created) {
        return Database.integrationCreatedAt(organization, instanceName, created);
    }

    /** An instance and the row that references it, both old: a healthy integration. */
    static UUID healthy(String organization) {
        var name = name(organization, OLD);
        evolution().seed(instance(name, OLD));
        return row(organization, name, OLD);
    }

    static boolean rowExists(UUID id) {
        return Integrations.find(id.toString()).status() == 200;
    }

    /** Audit entries by the cleanup with that action on that instance. */
    static long audited(String action, String instanceName) {
        return Integrations.audit(null).stream().filter(e -> e.getString("actor").equals("system:cleanup")
                && e.getString("action").equals(action) && instanceName.equals(e.getString("instance_name", null))).count();
    }

    /**
     * Events of that type naming the instance that reached Redis: waits up to 3 s for a first one (the relay
     * publishes after the commit), then a moment more for any duplicate.
     */
    static long published(Events events, String type, String instanceName) {
        java.util.function.LongSupplier count = () -> events.received().stream()
                .filter(e -> type.equals(e.getString("type", null)) && instanceName.equals(e.getString("instance_name", null)))
                .count();
        var deadline = Instant.now().plusSeconds(3);
        while (count.getAsLong() == 0 && Instant.now().isBefore(deadline)) Poll.pause(100);
        Poll.pause(300);
        return count.getAsLong();
    }

    static Http.Answer check() {
        return Http.get(Service.maintenance("/orphaned-instances/check"), Service.admin());
    }

    static Http.Answer cleanup() {
        return Http.post(Service.maintenance("/cleanup-orphaned-instances"), Service.admin(), null, "");
    }

    static Http.Answer dryRun() {
        return Http.post(Service.maintenance("/cleanup-orphaned-instances?dry_run=true"), Service.admin(), null, "");
    }

    static JsonObject summary(Http.Answer answer) {
        return answer.json().getJsonObject("cleanup_summary");
    }

    /** The newest cleanup run in the history. */
    static JsonObject latestRun() {
        return Http.get(Service.maintenance("/runs?type=cleanup&limit=1"), Service.admin()).json()
                .getJsonArray("runs").getJsonObject(0);
    }

    /** Puts a key into the stack's Redis (RESP over a socket: no client library needed for two commands). */
    static void redisSet(String key, String value) {
        redis("*3\r\n$3\r\nSET\r\n" + bulk(key) + bulk(value));
    }

    static boolean redisExists(String key) {
        return redis("*2\r\n$6\r\nEXISTS\r\n" + bulk(key)).startsWith(":1");
    }

    static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
    }

    static String redis(String command) {
        var url = URI.create(Stack.get().redisUrl());
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(2000);
            String password = url.getUserInfo() == null ? "" : url.getUserInfo().substring(url.getUserInfo().indexOf(':') + 1);
            if (!password.isEmpty()) { // the stack's Redis wants its generated password first
                socket.getOutputStream().write(("*2\r\n$4\r\nAUTH\r\n" + bulk(password)).getBytes(StandardCharsets.UTF_8));
                var ok = new byte[5];
                if (socket.getInputStream().readNBytes(ok, 0, 5) < 5 || ok[0] != '+') throw new IOException("AUTH refused");
            }
            socket.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
            var buffer = new byte[256];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
