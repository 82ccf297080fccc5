package whatsapp.evolution.instances.control;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import whatsapp.evolution.instances.control.EvolutionAnswer.Kind;

/**
 * How every call to Evolution travels: sends it, reads the body, closes the response, classifies the answer,
 * keeps the {@link KeyProof} current and records a timer. Never throws, never logs bodies or keys.
 * Retries once, after a short pause, only when asked to (idempotent calls) and only for transient
 * failures (refused/reset connections, 502/503/504); never after a timeout or any 4xx.
 */
public class Transport {

    static final Logger LOG = Logger.getLogger(Transport.class.getName());
    static final Duration PAUSE = Duration.ofMillis(200);
    public static final String ROOT = "root";

    private final KeyProof keyProof;
    private final Meters meters;

    public Transport(KeyProof keyProof, Meters meters) {
        this.keyProof = keyProof;
        this.meters = meters;
    }

    /** A server no longer configured: every call is answered "unavailable" without being sent, so nothing is ever "missing". */
    public static Transport unconfigured(String server, KeyProof keyProof) {
        var reason = "Evolution server " + server + " is not configured";
        return new Transport(keyProof, new Meters(null)) {
            @Override
            public EvolutionAnswer send(String route, String name, Supplier<Response> request, boolean idempotent) {
                return EvolutionAnswer.answer(Kind.FAILED, 0, reason);
            }

            @Override
            public <T> T stream(String route, Supplier<Response> request, java.util.function.Function<java.io.InputStream, T> reader,
                                java.util.function.Function<EvolutionAnswer, T> otherwise) {
                return otherwise.apply(EvolutionAnswer.answer(Kind.FAILED, 0, reason));
            }
        };
    }

    /**
     * @param route       route name for logs and metrics (root, fetchInstances, connect, ...)
     * @param name        the instance the call is about (null for the fleet or root)
     * @param idempotent  safe to send twice
     */
    public EvolutionAnswer send(String route, String name, Supplier<Response> request, boolean idempotent) {
        var answer = once(route, name, request);
        if (idempotent && answer.retryable()) {
            pause();
            answer = once(route, name, request);
        }
        if (answer.kind() == Kind.FAILED || answer.kind() == Kind.ROUTE_NOT_FOUND || answer.kind() == Kind.KEY_REJECTED)
            LOG.log(answer.kind() == Kind.FAILED ? Level.INFO : Level.WARNING,
                    "Evolution {0}{1}: {2}", new Object[]{route, name == null ? "" : " " + name, answer.reason()});
        return answer;
    }

    /**
     * Like {@link #send} for a call whose 200 body may be large: a 200 with a JSON body is handed to
     * {@code reader} as a stream; anything else is read and classified as usual and handed to
     * {@code otherwise}. Retries once on a transient failure.
     */
    public <T> T stream(String route, Supplier<Response> request, java.util.function.Function<java.io.InputStream, T> reader,
                        java.util.function.Function<EvolutionAnswer, T> otherwise) {
        var outcome = streamOnce(route, request, reader);
        if (outcome instanceof EvolutionAnswer answer && answer.retryable()) {
            pause();
            outcome = streamOnce(route, request, reader);
        }
        if (outcome instanceof EvolutionAnswer answer) {
            LOG.log(Level.INFO, "Evolution {0}: {1}", new Object[]{route, answer.reason()});
            return otherwise.apply(answer);
        }
        @SuppressWarnings("unchecked")
        T read = (T) outcome;
        return read;
    }

    Object streamOnce(String route, Supplier<Response> request, java.util.function.Function<java.io.InputStream, ?> reader) {
        long start = System.nanoTime();
        Object outcome;
        EvolutionAnswer answer;
        try (var response = request.get()) {
            var type = response.getMediaType();
            if (response.getStatus() == 200 && type != null && type.getSubtype().contains("json")) {
                outcome = reader.apply(response.readEntity(java.io.InputStream.class));
                answer = EvolutionAnswer.answer(Kind.OK, 200, "ok");
            } else {
                answer = EvolutionAnswer.classify(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "", null);
                outcome = answer.kind() == Kind.OK ? EvolutionAnswer.answer(Kind.FAILED, 200, "unexpected answer") : answer;
            }
        } catch (RuntimeException e) {
            answer = EvolutionAnswer.unreachable(e);
            outcome = answer;
        }
        settle(route, answer, start);
        return outcome;
    }

    EvolutionAnswer once(String route, String name, Supplier<Response> request) {
        long start = System.nanoTime();
        EvolutionAnswer answer;
        try (var response = request.get()) {
            var body = response.hasEntity() ? response.readEntity(String.class) : "";
            answer = EvolutionAnswer.classify(response.getStatus(), body, name);
        } catch (RuntimeException e) {
            answer = EvolutionAnswer.unreachable(e);
        }
        settle(route, answer, start);
        return answer;
    }

    /** Every call, streamed or not: a rejected key clears the proof, any other success renews it; timed. */
    void settle(String route, EvolutionAnswer answer, long start) {
        if (answer.kind() == Kind.KEY_REJECTED) keyProof.rejected();
        else if (answer.kind() == Kind.OK && !ROOT.equals(route)) keyProof.confirmed();
        meters.record(route, answer, Duration.ofNanos(System.nanoTime() - start));
    }

    static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
