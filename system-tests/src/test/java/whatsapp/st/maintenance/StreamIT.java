package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.Disconnect;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * GET /maintenance/stream: admins only; it pushes status changes, alerts and run results as server-sent events,
 * read from the database (what any node recorded).
 */
class StreamIT {

    @Test
    void onlyAdminsMayListen() {
        assertThat(Http.get(Service.maintenance("/stream"), null).status()).isEqualTo(401);
        assertThat(Http.get(Service.maintenance("/stream"), Service.member("org-stream")).status()).isEqualTo(403);
    }

    @Test
    void statusChangesAlertsAndRunsArePushed() throws Exception {
        var lines = new CopyOnWriteArrayList<String>();
        var watched = new String[1];
        var request = HttpRequest.newBuilder(URI.create(Service.maintenance("/stream")))
                .header("Authorization", "Bearer " + Service.admin()).header("Accept", "text/event-stream").build();
        var client = HttpClient.newHttpClient();
        var answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        var response = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        var reader = new Thread(() -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            Poll.until(() -> lines.contains("event: hello"), Duration.ofSeconds(5), "the stream to greet");
            Poll.pause(1500);   // the node's loop has taken its starting point

            var integration = Integrations.createFor("org-stream");
            var name = integration.getString("instance_name");
            watched[0] = name;
            // the pairing's webhook goes where the instance's webhook points: set at create, checked before pairing
            Poll.until(() -> Stack.get().simulator().orElseThrow().instance(name).map(i -> i.webhook() != null).orElse(false),
                    Duration.ofSeconds(10), "the instance's webhook to be set");
            Stack.get().simulator().orElseThrow().pair(name, "5511977770101");
            Poll.until(() -> event(lines, "status", name + "\",\"organization_id\":\"org-stream\"", "connected"), Duration.ofSeconds(15),
                    "the status change to be pushed");

            Stack.get().simulator().orElseThrow().disconnect(name, Disconnect.DEVICE_REMOVED);
            Poll.until(() -> event(lines, "alert", name, "\"state\":\"open\""), Duration.ofSeconds(15), "the alert to be pushed");

            assertThat(Http.post(Service.maintenance("/health-check"), Service.admin(), null, "").status()).isEqualTo(200);
            Poll.until(() -> event(lines, "run", "\"type\":\"health\"", "\"outcome\":\"completed\""), Duration.ofSeconds(15),
                    "the run to be pushed");
        } finally {
            System.out.println("DEBUG stream lines: " + lines);
            if (watched[0] != null) {
                var evolution = Stack.get().simulator().orElseThrow();
                System.out.println("DEBUG simulator version " + evolution.version() + ", instance " + evolution.instance(watched[0])
                        + ", deliveries " + evolution.deliveries().stream().filter(d -> watched[0].equals(d.instance())).toList());
            }
            answer.cancel(true);
        }
    }

    /** An event of that name whose data line holds every fragment. */
    static boolean event(List<String> lines, String name, String... fragments) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (!lines.get(i).equals("event: " + name)) continue;
            for (int j = i + 1; j < lines.size() && !lines.get(j).isEmpty(); j++) {
                var line = lines.get(j);
                if (line.startsWith("data:") && java.util.Arrays.stream(fragments).allMatch(line::contains)) return true;
            }
        }
        return false;
    }
}
