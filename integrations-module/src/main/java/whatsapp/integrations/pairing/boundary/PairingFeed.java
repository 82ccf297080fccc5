package whatsapp.integrations.pairing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.pairing.entity.PairingEvent;
import whatsapp.web.sse.SseOutlet;

/**
 * What {@code GET /integrations/{id}/pairing/events} pushes, read from the database ({@link PairingSessions}) so that
 * it works across a cluster: an event recorded by any node (a webhook, a connect, a sweep) reaches the streams every
 * node holds. While this node holds streams, one non-persistent timer looks every {@code stream.poll-millis} for each
 * streamed integration's events after the last one its streams sent, and ends overdue sessions and those of deleted
 * integrations ({@code expired}).
 * No request thread waits: the streams are asynchronous sinks. A comment every 15 s keeps idle streams (and proxies)
 * open and finds streams whose client left; a stream that took nothing for {@link #STUCK} (its client stopped reading) is
 * closed rather than holding its events in memory.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PairingFeed {

    static final Logger LOG = Logger.getLogger(PairingFeed.class.getName());
    static final int BATCH = 100;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STUCK = HEARTBEAT.multipliedBy(2);

    @EJB
    PairingSessions sessions;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "stream.poll-millis", defaultValue = "1000")
    long pollMillis;

    /** One open stream: of which integration, and the id of the last event it was sent. */
    static final class Listener {
        final SseOutlet sink;
        final UUID integrationId;
        volatile long lastId;

        Listener(SseEventSink sink, UUID integrationId, long lastId) {
            this.sink = new SseOutlet(sink);
            this.integrationId = integrationId;
            this.lastId = lastId;
        }
    }

    final List<Listener> listeners = new CopyOnWriteArrayList<>();
    Sse sse;
    Timer loop;
    Instant beatAt = Instant.now();

    /**
     * A new stream. {@code lastEventId} null: it starts with the running session's current code, if there is one, else
     * with the next event; otherwise with the first event after that id.
     */
    public synchronized void listen(SseEventSink sink, Sse sse, UUID integrationId, Long lastEventId) {
        this.sse = sse;
        long start = lastEventId != null ? lastEventId
                : sessions.current(integrationId).map(current -> current.id() - 1).orElseGet(() -> sessions.lastId(integrationId));
        var listener = new Listener(sink, integrationId, start);
        listeners.add(listener);
        // at once, not at the next tick: the current code, or what a resumed stream missed
        deliver(listener, sessions.after(integrationId, start, BATCH));
    }

    @PostConstruct
    void start() {
        loop = timers.createIntervalTimer(pollMillis, pollMillis, new TimerConfig("pairing streams", false));
    }

    @Timeout
    synchronized void tick() {
        try {
            var now = Instant.now();
            for (var listener : listeners) if (listener.sink.stuck(now, STUCK)) close(listener);
            listeners.removeIf(listener -> listener.sink.closed());
            if (listeners.isEmpty()) return;
            Set<UUID> streamed = new HashSet<>();
            for (var listener : listeners) streamed.add(listener.integrationId);
            for (var integrationId : streamed) {
                if (sessions.gone(integrationId)) {
                    // deleted before a tick saw its expired event (the row took its events with it): end the streams
                    for (var listener : listeners) {
                        if (listener.integrationId.equals(integrationId)) deliver(listener, List.of(
                                new PairingEvent(listener.lastId + 1, PairingEvent.EXPIRED, PairingSessions.GONE)));
                    }
                    continue;
                }
                if (!sessions.expireIfDeleting(integrationId)) sessions.expireIfOverdue(integrationId);
                long from = Long.MAX_VALUE;
                for (var listener : listeners) if (listener.integrationId.equals(integrationId)) from = Math.min(from, listener.lastId);
                var events = sessions.after(integrationId, from, BATCH);
                for (var listener : listeners) if (listener.integrationId.equals(integrationId)) deliver(listener, events);
            }
            if (Duration.between(beatAt, now).compareTo(HEARTBEAT) >= 0) {
                beatAt = now;
                for (var listener : listeners) send(listener, sse.newEventBuilder().comment("still here").build());
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The pairing streams could not read what happened; they try again: " + e.getMessage(), e);
        }
    }

    /** The events after the listener's last one, in order; an end event closes its stream. */
    void deliver(Listener listener, List<PairingEvent> events) {
        for (var event : events) {
            if (event.id() <= listener.lastId || listener.sink.closed()) continue;
            send(listener, sse.newEventBuilder().name(event.kind()).id(Long.toString(event.id())).data(event.data())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).build());
            listener.lastId = event.id();
            if (event.ends()) {
                close(listener);
                return;
            }
        }
    }

    void send(Listener listener, jakarta.ws.rs.sse.OutboundSseEvent event) {
        if (!listener.sink.send(event, Instant.now())) close(listener);   // closed meanwhile
    }

    void close(Listener listener) {
        listeners.remove(listener);
        listener.sink.close();
    }

    @PreDestroy
    synchronized void stop() {
        try {
            if (loop != null) loop.cancel();
        } catch (RuntimeException gone) {
            // undeployed: the timer went with it
        }
        listeners.forEach(this::close);
    }
}
