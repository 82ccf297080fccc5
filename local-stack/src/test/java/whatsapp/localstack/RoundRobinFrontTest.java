package whatsapp.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front's rules for answers that did not come from the application (the cluster tests rely on them). */
class RoundRobinFrontTest {

    static final String PAGE_404 = "<html><head><title>Error</title></head><body>404 - Not Found</body></html>";

    final List<HttpServer> nodes = new ArrayList<>();
    RoundRobinFront front;

    /** A node that is ready or not, and answers every other path with {@code status}, {@code type} and {@code body}. */
    RoundRobinFront.Node node(boolean ready, int status, String type, String body) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean health = exchange.getRequestURI().getPath().equals("/health/ready");
                byte[] bytes = (health ? "{}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", health ? "application/json" : type);
                exchange.sendResponseHeaders(health ? (ready ? 200 : 503) : status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        nodes.add(server);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new RoundRobinFront.Node(url, url + "/health/ready");
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(front.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (front != null) front.close();
        nodes.forEach(server -> server.stop(0));
    }

    @Test
    void aSuspendedNodeThenAStartingOneMakeARetriable503NotA404() throws Exception {
        var suspended = node(true, 503, "text/html", "");
        var starting = node(false, 404, "text/html", PAGE_404);
        front = RoundRobinFront.start(0, List.of(suspended, starting));
        for (int i = 0; i < 4; i++) { // each node's turn first, twice
            var answer = get("/integrations/some-id");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(answer.headers().firstValue("Retry-After")).contains("1");
        }
    }

    @Test
    void aStartingNodesPageIsNotServedWhileAnotherNodeAnswers() throws Exception {
        var starting = node(true, 404, "text/html", PAGE_404); // its readiness lags: still in rotation
        var serving = node(true, 200, "application/json", "{\"id\":\"x\"}");
        front = RoundRobinFront.start(0, List.of(starting, serving));
        for (int i = 0; i < 4; i++) {
            var answer = get("/integrations/x");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"id\":\"x\"}");
            assertThat(answer.headers().firstValue("X-Cluster-Node")).contains(serving.url());
        }
        assertThat(starting.served()).isZero();
    }

    @Test
    void aPathNoNodeServesIsA404AndTheApplicationsOwn404IsRelayed() throws Exception {
        front = RoundRobinFront.start(0, List.of(node(true, 404, "text/html", PAGE_404), node(true, 404, "text/html", PAGE_404)));
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        front.close();

        String problem = "{\"status\":404,\"title\":\"Not Found\"}";
        var application = node(true, 404, "application/problem+json", problem);
        front = RoundRobinFront.start(0, List.of(application, node(true, 200, "application/json", "{}")));
        var answers = new ArrayList<Integer>();
        for (int i = 0; i < 2; i++) answers.add(get("/integrations/missing").statusCode());
        assertThat(answers).as("the application's 404 on its turn, the other node's 200 on its own").containsExactlyInAnyOrder(404, 200);
        assertThat(application.served()).isEqualTo(1);
    }
}
