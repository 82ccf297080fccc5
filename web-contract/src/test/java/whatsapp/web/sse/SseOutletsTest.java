package whatsapp.web.sse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.resteasy.plugins.providers.sse.SseBroadcasterImpl;
import org.junit.jupiter.api.Test;

class SseOutletsTest {

    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    static final OutboundSseEvent EVENT = (OutboundSseEvent) Proxy.newProxyInstance(SseOutletsTest.class.getClassLoader(),
            new Class<?>[] {OutboundSseEvent.class}, (proxy, method, args) -> null);

    /** A client: one that reads (each send completes), or one that stopped reading (no send ever completes). */
    static final class Client implements SseEventSink {
        final boolean reads;
        final List<CompletableFuture<Void>> sends = new ArrayList<>();
        boolean closed;

        Client(boolean reads) {
            this.reads = reads;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            var send = reads ? CompletableFuture.<Void>completedFuture(null) : new CompletableFuture<Void>();
            sends.add(send);
            return send;
        }

        @Override
        public void close() {
            closed = true;
        }

        int taken() {
            return (int) sends.stream().filter(CompletableFuture::isDone).count();
        }
    }

    @Test
    void theContainersBroadcasterLetsOneStuckClientHoldUpTheOthers() {
        // why the feeds do not use SseBroadcaster: RESTEasy chains each sink's send after the previous one's
        var stuck = new Client(false);
        var reading = new Client(true);
        try (var broadcaster = new SseBroadcasterImpl()) {
            broadcaster.register(stuck);
            broadcaster.register(reading);
            broadcaster.broadcast(EVENT);
            broadcaster.broadcast(EVENT);
        }
        assertThat(stuck.sends).hasSize(2);
        assertThat(reading.sends).as("nothing reached the client registered after the stuck one").isEmpty();
    }

    @Test
    void aStuckClientHoldsUpNoOtherAndIsClosedOnceItTookNothingForTheLimit() {
        var outlets = new SseOutlets(Duration.ofSeconds(30));
        var stuck = new Client(false);
        var reading = new Client(true);
        outlets.add(stuck);
        outlets.add(reading);

        assertThat(outlets.send(EVENT, T0)).isEqualTo(2);
        assertThat(outlets.send(EVENT, T0.plusSeconds(10))).isEqualTo(2);
        assertThat(reading.taken()).isEqualTo(2);
        assertThat(outlets.prune(T0.plusSeconds(30))).as("within the limit: kept").isEqualTo(2);
        assertThat(stuck.closed).isFalse();

        assertThat(outlets.prune(T0.plusSeconds(31))).as("its first send waited more than 30 s").isOne();
        assertThat(stuck.closed).isTrue();
        assertThat(outlets.send(EVENT, T0.plusSeconds(32))).isOne();
        assertThat(reading.taken()).isEqualTo(3);
        assertThat(stuck.sends).as("nothing more queued for the closed one").hasSize(2);
    }

    @Test
    void aSlowClientThatKeepsTakingEventsIsNotStuck() {
        var slow = new Client(false);
        var outlet = new SseOutlet(slow);
        outlet.send(EVENT, T0);
        outlet.send(EVENT, T0.plusSeconds(1));
        slow.sends.get(0).complete(null);   // it took the first one just now
        assertThat(outlet.unfinished()).isOne();
        assertThat(outlet.stuck(Instant.now().plusSeconds(29), Duration.ofSeconds(30))).isFalse();
        assertThat(outlet.stuck(Instant.now().plusSeconds(31), Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aFailedSendOrAClosedClientClosesTheStream() {
        var outlets = new SseOutlets(Duration.ofSeconds(30));
        var failing = new Client(false);
        outlets.add(failing);
        outlets.send(EVENT, T0);
        failing.sends.get(0).completeExceptionally(new java.io.IOException("Broken pipe"));
        assertThat(failing.closed).isTrue();
        assertThat(outlets.prune(T0)).isZero();

        var gone = new Client(true);
        outlets.add(gone);
        gone.closed = true;   // the client left
        assertThat(outlets.send(EVENT, T0)).isOne();   // not known to the outlet until the sink says so
        assertThat(outlets.prune(T0)).isZero();
        assertThat(outlets.isEmpty()).isTrue();
    }
}
