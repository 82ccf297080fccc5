package whatsapp.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer of a local cluster ({@code NODES=n ./start.sh}, the cluster tests): one URL in front of the
 * WildFly nodes, each request sent to the next node in turn, the way a production balancer is set up for this service
 * (README, "Several nodes"):
 * <ul>
 * <li>a node is in rotation while its {@code /health/ready} answers 200 (checked every half second), and taken out
 * at once when it refuses a connection or answers a bare 503 (WildFly suspended for a graceful shutdown, or still
 * booting);</li>
 * <li>a node whose application is not deployed (still starting, or stopping) answers a path of ours with the
 * server's own HTML {@code 404} page: the request reached no application, so it is sent to the next node too, and
 * answered {@code 404} only when every node said so;</li>
 * <li>a request such a node did not take is sent to the next node; a request a node took and then lost (the node
 * died mid-request) is sent again only when repeating it is safe: a read, a PUT or DELETE, or a request that carries an
 * {@code Idempotency-Key}; otherwise the client gets a retriable {@code 503} problem;</li>
 * <li>when no node takes a request: {@code 503} problem+json with {@code Retry-After: 1};</li>
 * <li>responses stream through unbuffered (server-sent events), with {@code X-Cluster-Node} naming the node.</li>
 * </ul>
 * Built on the JDK's own HTTP server and client; a local tool, not a production proxy.
 */
public final class RoundRobinFront implements AutoCloseable {

    /** Hop-by-hop headers and those the JDK client sets itself. */
    static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "date");
    static final Set<String> SAFE_TO_REPEAT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    /** One node behind the front. */
    public static final class Node {
        final String url;
        final URI ready;
        volatile boolean inRotation;
        final AtomicLong served = new AtomicLong();

        public Node(String url, String readyUrl) {
            this.url = url;
            this.ready = URI.create(readyUrl);
        }

        public String url() {
            return url;
        }

        public boolean inRotation() {
            return inRotation;
        }

        public long served() {
            return served.get();
        }
    }

    final HttpServer server;
    final HttpClient client;
    final List<Node> nodes;
    final AtomicInteger next = new AtomicInteger();
    final ExecutorService handlers;
    final ScheduledExecutorService checks;
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong resent = new AtomicLong();

    RoundRobinFront(HttpServer server, List<Node> nodes) {
        this.server = server;
        this.nodes = List.copyOf(nodes);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.handlers = Executors.newCachedThreadPool(daemon("front"));
        this.checks = Executors.newSingleThreadScheduledExecutor(daemon("front-health"));
    }

    /** A front on {@code 127.0.0.1:port} over {@code nodes}; their health is checked before it answers. */
    public static RoundRobinFront start(int port, List<Node> nodes) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        var front = new RoundRobinFront(server, nodes);
        front.checkAll();
        server.createContext("/", front::handle);
        server.setExecutor(front.handlers);
        server.start();
        front.checks.scheduleWithFixedDelay(front::checkAll, 500, 500, TimeUnit.MILLISECONDS);
        return front;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Requests answered with the front's own 503 (no node took them). */
    public long unavailable() {
        return unavailable.get();
    }

    /** Requests sent to a second node after the first did not take them or lost them. */
    public long resent() {
        return resent.get();
    }

    void checkAll() {
        for (var node : nodes) {
            try {
                var answer = client.send(HttpRequest.newBuilder(node.ready).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                node.inRotation = answer.statusCode() == 200;
            } catch (IOException e) {
                node.inRotation = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The nodes to try, in this request's turn: those in rotation first, then the others (a check may lag). */
    List<Node> turn() {
        int start = Math.floorMod(next.getAndIncrement(), nodes.size());
        var inRotation = new ArrayList<Node>();
        var out = new ArrayList<Node>();
        for (int i = 0; i < nodes.size(); i++) {
            var node = nodes.get((start + i) % nodes.size());
            (node.inRotation ? inRotation : out).add(node);
        }
        inRotation.addAll(out);
        return inRotation;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean repeatable = SAFE_TO_REPEAT.contains(method) || exchange.getRequestHeaders().containsKey("Idempotency-Key");
            boolean first = true;
            int notDeployed = 0;
            for (var node : turn()) {
                if (!first) resent.incrementAndGet();
                first = false;
                HttpResponse<InputStream> answer;
                try {
                    answer = client.send(request(exchange, node, method, body), HttpResponse.BodyHandlers.ofInputStream());
                } catch (ConnectException | HttpConnectTimeoutException notTaken) {
                    node.inRotation = false; // nothing reached the application: the next node may take it
                    continue;
                } catch (IOException lost) {
                    node.inRotation = false;
                    if (repeatable) continue;
                    unavailable(exchange, "The node serving this request went away before answering; send it again "
                            + "(with the same Idempotency-Key to make a create safe to repeat).");
                    return;
                }
                if (answer.statusCode() == 503 && !isJson(answer)) {
                    node.inRotation = false; // WildFly suspended (shutting down) or still starting: not the application
                    answer.body().close();
                    continue;
                }
                if (answer.statusCode() == 404 && !isJson(answer)) {
                    notDeployed++; // the server's own page, not the application's problem+json: no deployment took it
                    answer.body().close();
                    continue;
                }
                node.served.incrementAndGet();
                relay(exchange, node, method, answer);
                return;
            }
            if (notDeployed == nodes.size()) {
                notFound(exchange);
                return;
            }
            unavailable(exchange, "No node of the cluster is taking requests at the moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpRequest request(HttpExchange exchange, Node node, String method, byte[] body) {
        var builder = HttpRequest.newBuilder(URI.create(node.url + exchange.getRequestURI().toString()))
                .timeout(Duration.ofMinutes(2))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) return;
            values.forEach(value -> builder.header(name, value));
        });
        builder.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress());
        builder.header("X-Forwarded-Proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) builder.header("X-Forwarded-Host", host);
        return builder.build();
    }

    void relay(HttpExchange exchange, Node node, String method, HttpResponse<InputStream> answer) throws IOException {
        var headers = exchange.getResponseHeaders();
        answer.headers().map().forEach((name, values) -> {
            if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith(":")) return;
            for (String value : values) {
                headers.add(name, name.equalsIgnoreCase("Location") && value.startsWith(node.url) ? url() + value.substring(node.url.length()) : value);
            }
        });
        headers.set("X-Cluster-Node", node.url);
        long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody = method.equals("HEAD") || answer.statusCode() == 204 || answer.statusCode() == 304 || length == 0;
        exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : Math.max(length, 0));
        try (InputStream in = answer.body(); var out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush(); // server-sent events reach the client as they come
            }
        } catch (IOException cut) {
            // the node or the client went away mid-body: the client sees the connection end, as with a real balancer
        }
    }

    static boolean isJson(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /** Every node answered that no deployment serves the path. */
    void notFound(HttpExchange exchange) throws IOException {
        byte[] page = "404 - Not Found".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(404, page.length);
        exchange.getResponseBody().write(page);
    }

    void unavailable(HttpExchange exchange, String detail) throws IOException {
        unavailable.incrementAndGet();
        byte[] problem = ("{\"type\":\"https://whatsapp-integrations/problems/cluster-unavailable\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.sendResponseHeaders(503, problem.length);
        exchange.getResponseBody().write(problem);
    }

    @Override
    public void close() {
        checks.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
