package whatsapp.evolution.instances.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * One exchange with Evolution, classified: status and body in, answer out. Evolution answers some errors with HTTP 200 and {@code "error": true}, a 404 for an unknown instance before it checks the key, and {@code Cannot GET} for a wrong base URL; each has its kind here.
 * Only {@link Kind#INSTANCE_NOT_FOUND} can ever become "missing", and only for the name asked about.
 *
 * @param body      the parsed JSON for {@link Kind#OK}, else null; may hold tokens, never print it
 * @param messages  {@code response.message} of Evolution's error envelope (string or array), else empty
 * @param reason    short, secret-free text for logs and Unavailable answers
 * @param retryable a transient failure worth one more try (connection refused/reset, 502, 503, 504)
 */
public record EvolutionAnswer(Kind kind, int status, JsonValue body, List<String> messages, String reason,
                              boolean retryable) {

    public enum Kind {
        /** 2xx with a JSON body that is not {@code "error": true} */
        OK,
        /** 404 in Evolution's envelope naming this very instance; means missing once the API key is proven */
        INSTANCE_NOT_FOUND,
        /** 404 {@code Cannot GET /...}: wrong base URL or route, a configuration error */
        ROUTE_NOT_FOUND,
        /** 401: the API key is wrong, missing or an instance token */
        KEY_REJECTED,
        /** 400 or 403 in Evolution's envelope: understood and refused */
        REFUSED,
        /** everything else: unreachable, 5xx, proxy pages, non-JSON, {@code "error": true} */
        FAILED
    }

    public static final String KEY_REJECTED_REASON = "API key rejected";
    public static final String ROUTE_NOT_FOUND_REASON = "route not found: misconfigured base URL";
    static final Set<Integer> GATEWAY_TROUBLE = Set.of(502, 503, 504);

    public EvolutionAnswer {
        messages = List.copyOf(messages);
    }

    public static EvolutionAnswer classify(int status, String body, String name) {
        var json = parse(body);
        if (status == 401) return answer(Kind.KEY_REJECTED, status, KEY_REJECTED_REASON);
        if (status >= 200 && status < 300) {
            if (json == null) return answer(Kind.FAILED, status, "HTTP " + status + " without JSON");
            if (json instanceof JsonObject object && object.get("error") == JsonValue.TRUE)
                return answer(Kind.FAILED, status, errorReason(object));
            return new EvolutionAnswer(Kind.OK, status, json, List.of(), "HTTP " + status, false);
        }
        var messages = envelopeMessages(json);
        if (status == 404) return notFound(messages, body, name);
        if ((status == 400 || status == 403) && messages != null)
            return new EvolutionAnswer(Kind.REFUSED, status, null, messages, "HTTP " + status + ": " + brief(messages), false);
        var shape = json == null && body != null && !body.isBlank() ? " (not JSON)" : "";
        // the body is kept (never printed): a probe reads Baileys' Boom status out of a 400 that has no envelope
        return new EvolutionAnswer(Kind.FAILED, status, json, messages == null ? List.of() : messages,
                "HTTP " + status + shape, GATEWAY_TROUBLE.contains(status));
    }

    static EvolutionAnswer notFound(List<String> messages, String body, String name) {
        if (messages == null) {
            if (body != null && body.contains("Cannot ")) return answer(Kind.ROUTE_NOT_FOUND, 404, ROUTE_NOT_FOUND_REASON);
            return answer(Kind.FAILED, 404, "HTTP 404 not from Evolution");
        }
        if (name != null && messages.stream().anyMatch(m -> m.equals("The \"" + name + "\" instance does not exist")
                || m.equals("Instance \"" + name + "\" not found")))
            return new EvolutionAnswer(Kind.INSTANCE_NOT_FOUND, 404, null, messages, "instance not found", false);
        if (messages.stream().anyMatch(m -> m.startsWith("Cannot ")))
            return answer(Kind.ROUTE_NOT_FOUND, 404, ROUTE_NOT_FOUND_REASON);
        return new EvolutionAnswer(Kind.FAILED, 404, null, messages, "HTTP 404 not about this instance", false);
    }

    /** A call that got no HTTP answer at all. Exception messages are not used: they may carry URLs or worse. */
    public static EvolutionAnswer unreachable(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) return transport("timeout", false);
            if (cause instanceof ConnectException) return transport("connection refused", true);
            if (cause instanceof UnknownHostException) return transport("unknown host", false);
            if (cause instanceof SSLException) return transport("TLS failure", false);
            if (cause.getClass().getSimpleName().equals("NoHttpResponseException")) return transport("no response", true);
            if (cause instanceof SocketException) return transport("connection reset", true);
            if (cause instanceof IOException) return transport("I/O failure (" + cause.getClass().getSimpleName() + ")", true);
        }
        return transport("client failure (" + failure.getClass().getSimpleName() + ")", false);
    }

    /** Without the body: listings carry every instance token. */
    @Override
    public String toString() {
        return "EvolutionAnswer[kind=" + kind + ", status=" + status + ", reason=" + reason + ", retryable=" + retryable + "]";
    }

    public JsonObject object() {
        return body instanceof JsonObject object ? object : null;
    }

    public JsonArray array() {
        return body instanceof JsonArray array ? array : null;
    }

    public boolean says(String fragment) {
        return messages.stream().anyMatch(message -> message.contains(fragment));
    }

    /** The reason of a 200 answer carrying {@code "error": true}. */
    public static String errorReason(jakarta.json.JsonObject object) {
        return "Evolution error: " + brief(object.get("message"));
    }

    /** A 200 whose body was consumed elsewhere (streamed). */
    public static EvolutionAnswer accepted() {
        return answer(Kind.OK, 200, "ok");
    }

    public static EvolutionAnswer answer(Kind kind, int status, String reason) {
        return new EvolutionAnswer(kind, status, null, List.of(), reason, false);
    }

    static EvolutionAnswer transport(String reason, boolean retryable) {
        return new EvolutionAnswer(Kind.FAILED, 0, null, List.of(), reason, retryable);
    }

    static JsonValue parse(String body) {
        if (body == null || body.isBlank()) return null;
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** {@code {"status": <int>, "error": ..., "response": {"message": [..] | ".."}}}, else null. */
    static List<String> envelopeMessages(JsonValue json) {
        if (!(json instanceof JsonObject object) || !(object.get("status") instanceof JsonNumber)
                || !(object.get("response") instanceof JsonObject response)) return null;
        var message = response.get("message");
        if (message instanceof JsonString text) return List.of(text.getString());
        if (message instanceof JsonArray array)
            return array.stream().map(m -> m instanceof JsonString text ? text.getString() : m.toString()).toList();
        return null;
    }

    static String brief(Object message) {
        var text = message instanceof JsonString string ? string.getString() : String.valueOf(message);
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
