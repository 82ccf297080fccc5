package whatsapp.st.systems;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A frontend's pairing stream: one {@code GET /integrations/{id}/pairing/events} connection, read on a thread of its own. */
public final class PairingEvents implements AutoCloseable {

    public record Event(String id, String name, String data) {
        public JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }
    }

    public final List<Event> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<HttpResponse<Stream<String>>> answer;
    volatile boolean ended;

    PairingEvents(CompletableFuture<HttpResponse<Stream<String>>> answer) {
        this.answer = answer;
    }

    /** @param integrationsUrl the integrations API of the node to ask, e.g. {@code http://127.0.0.1:8080/integrations} */
    public static PairingEvents open(String integrationsUrl, String id, String token, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(integrationsUrl + "/" + id + "/pairing/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        var stream = new PairingEvents(HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()));
        var response = stream.answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        var reader = new Thread(() -> {
            String eventId = null, name = null;
            var data = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                for (var line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("id:")) eventId = line.substring(3).strip();
                    else if (line.startsWith("event:")) name = line.substring(6).strip();
                    else if (line.startsWith("data:")) data.append(line.substring(5).strip());
                    else if (line.isEmpty() && name != null) {
                        stream.events.add(new Event(eventId, name, data.toString()));
                        eventId = null;
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (RuntimeException closed) {
                // the test is over
            }
            stream.ended = true;
        });
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    public boolean closed() {
        return ended;
    }

    @Override
    public void close() {
        answer.cancel(true);
        answer.thenAccept(response -> response.body().close());
    }
}
