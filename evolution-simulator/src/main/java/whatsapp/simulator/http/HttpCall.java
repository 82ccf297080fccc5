package whatsapp.simulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One request and its answer: decoded path segments and query, the body as JSON, JSON or text out. */
public final class HttpCall {

    /** Writes a body straight to the socket, for lists too large to build in memory first. */
    public interface JsonStream {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    private final HttpExchange exchange;
    private final List<String> segments;
    private final Map<String, String> query;
    private boolean answered;

    public HttpCall(HttpExchange exchange) {
        this.exchange = exchange;
        this.segments = parseSegments(exchange.getRequestURI().getRawPath());
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    public String method() { return exchange.getRequestMethod(); }

    /** Percent-decoded path segments; a trailing slash is ignored, as Express does. */
    public List<String> segments() { return segments; }

    /** The path and query as sent, for "Cannot GET /the/path". */
    public String target() { return exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()); }

    public String query(String name) { return query.get(name); }

    public String header(String name) { return exchange.getRequestHeaders().getFirst(name); }

    public boolean answered() { return answered; }

    /** @throws IOException also for a body that is not JSON; an empty body reads as {@code {}} */
    public JsonNode body() throws IOException {
        var bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? Json.object() : Json.MAPPER.readTree(bytes);
    }

    public void json(int status, Object body) throws IOException {
        send(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    public void stream(int status, JsonStream body) throws IOException {
        answered = true;
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, 0);
        try (var generator = Json.MAPPER.getFactory().createGenerator(new BufferedOutputStream(exchange.getResponseBody(), 1 << 16))) {
            body.writeTo(generator);
        }
    }

    public void text(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops the connection without an HTTP answer. */
    public void abort() {
        answered = true;
        exchange.close();
    }

    public void close() {
        exchange.close();
    }

    private void send(int status, String contentType, byte[] bytes) throws IOException {
        answered = true;
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> parseSegments(String rawPath) {
        var list = new ArrayList<String>();
        for (var raw : (rawPath == null ? "" : rawPath).split("/", -1)) list.add(decode(raw.replace("+", "%2B")));
        if (!list.isEmpty() && list.get(0).isEmpty()) list.remove(0);
        if (!list.isEmpty() && list.get(list.size() - 1).isEmpty()) list.remove(list.size() - 1);
        return List.copyOf(list);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        var map = new HashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) return map;
        for (var pair : rawQuery.split("&")) {
            var eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            map.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return map;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
