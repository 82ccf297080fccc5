package whatsapp.web.sse;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;

/**
 * One client's event stream, written on its own. A send completes when the event has been written to the connection;
 * a client that stopped reading (a frozen tab, a half-dead connection) leaves sends unfinished, and the server queues
 * what follows in memory. The outlet counts its unfinished sends and knows since when it has made no progress, so that
 * the feed closes a stuck stream ({@link #stuck}) instead of holding events for it forever.
 *
 * <p>Why not {@link jakarta.ws.rs.sse.SseBroadcaster}: RESTEasy's broadcaster chains the sends, each sink's send after
 * the previous sink's completed, so one stuck client holds up every client registered after it.
 */
public final class SseOutlet {

    private final SseEventSink sink;
    private int unfinished;
    /** the start of the oldest unfinished send, or the last completion after it: when this stream last moved */
    private Instant movedAt;
    private boolean closed;

    public SseOutlet(SseEventSink sink) {
        this.sink = sink;
    }

    /** @return false when the stream is closed (by the client, an error, or {@link #close()}): the event was not sent */
    public boolean send(OutboundSseEvent event, Instant now) {
        synchronized (this) {
            if (closed) return false;
            if (unfinished++ == 0) movedAt = now;
        }
        try {
            sink.send(event).whenComplete((done, failure) -> finished(failure));
            return true;
        } catch (RuntimeException gone) {   // closed meanwhile
            close();
            return false;
        }
    }

    private void finished(Throwable failure) {
        if (failure != null) {
            close();
            return;
        }
        synchronized (this) {
            unfinished--;
            movedAt = Instant.now();
        }
    }

    /** Sends started and not finished yet. */
    public synchronized int unfinished() {
        return unfinished;
    }

    /** Some send has waited longer than {@code limit} with no send finishing meanwhile. */
    public synchronized boolean stuck(Instant now, Duration limit) {
        return unfinished > 0 && movedAt != null && movedAt.plus(limit).isBefore(now);
    }

    public boolean closed() {
        synchronized (this) {
            if (closed) return true;
        }
        return sink.isClosed();
    }

    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        try {
            sink.close();
        } catch (RuntimeException already) {
            // closed by the client or the container
        }
    }
}
