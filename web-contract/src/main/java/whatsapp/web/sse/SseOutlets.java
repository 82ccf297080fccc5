package whatsapp.web.sse;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The streams of one feed on this node. {@link #send} writes an event to each stream independently: a stream that
 * does not take its events holds up no other. {@link #prune} drops the streams that closed and closes those stuck
 * longer than the feed allows (their client stopped reading), so that no event waits in memory for them forever.
 */
public final class SseOutlets {

    private final List<SseOutlet> outlets = new CopyOnWriteArrayList<>();
    private final Duration stuckLimit;

    /** @param stuckLimit how long a stream may go without taking an event before it is closed */
    public SseOutlets(Duration stuckLimit) {
        this.stuckLimit = stuckLimit;
    }

    public SseOutlet add(SseEventSink sink) {
        var outlet = new SseOutlet(sink);
        outlets.add(outlet);
        return outlet;
    }

    /** @return to how many streams it went */
    public int send(OutboundSseEvent event, Instant now) {
        int sent = 0;
        for (var outlet : outlets) if (outlet.send(event, now)) sent++;
        return sent;
    }

    /** @return how many streams remain open */
    public int prune(Instant now) {
        for (var outlet : outlets) {
            if (outlet.stuck(now, stuckLimit)) outlet.close();
        }
        outlets.removeIf(SseOutlet::closed);
        return outlets.size();
    }

    public boolean isEmpty() {
        return outlets.isEmpty();
    }

    public void closeAll() {
        outlets.forEach(SseOutlet::close);
        outlets.clear();
    }
}
