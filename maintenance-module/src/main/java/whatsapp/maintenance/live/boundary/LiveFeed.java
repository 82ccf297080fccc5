package whatsapp.maintenance.live.boundary;

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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import whatsapp.integrations.api.Integrations;
import whatsapp.maintenance.alerts.control.AlertBook;
import whatsapp.maintenance.runs.control.RunRecords;
import whatsapp.maintenance.runs.entity.RunHistory;
import whatsapp.web.json.JsonContract;
import whatsapp.web.sse.SseOutlets;

/**
 * What {@code GET /maintenance/stream} pushes, read from the database so that it works across the cluster: while this
 * node has a listener, one loop looks every {@code stream.poll-millis} at the outbox events after the last sequence
 * sent ({@code status}), the alerts that changed ({@code alert}) and the runs that ended ({@code run}), and
 * sends them to each of this node's listeners. One non-persistent timer per node, whatever the number of listeners; a
 * comment every 15 s keeps idle connections (and proxies) open and finds listeners that left. Each listener is written
 * on its own ({@link SseOutlets}): one that stopped reading holds up no other, and is closed once it has taken nothing
 * for {@link #STUCK} (its browser reconnects if it is still there).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveFeed {

    static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());
    static final int BATCH = 200;
    /** Alerts and runs are found by time: look this far behind the last look, for rows committed late by another node. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** two heartbeats: a listener that took nothing for this long stopped reading */
    static final Duration STUCK = HEARTBEAT.multipliedBy(2);

    @EJB(lookup = Integrations.LOOKUP)
    Integrations integrations;

    @Inject
    AlertBook alerts;

    @EJB
    RunRecords runs;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "stream.poll-millis", defaultValue = "1000")
    long pollMillis;

    final SseOutlets listeners = new SseOutlets(STUCK);
    Sse sse;
    Timer loop;

    long sequence = -1;
    Instant lookedAt;
    Instant beatAt = Instant.now();
    /** what was sent lately (key: id and change time), so that the overlap does not send a change twice */
    final Map<String, Instant> sent = new LinkedHashMap<>();

    public synchronized void listen(SseEventSink sink, Sse sse) {
        this.sse = sse;
        var now = Instant.now();
        if (listeners.prune(now) == 0 || sequence < 0) {
            // nobody listened: start from now, taken before the listener is told it is connected (the page reloads
            // what it shows then), so that a change recorded right after is never behind the starting point
            sequence = integrations.lastEventSequence();
            lookedAt = now;
        }
        listeners.add(sink).send(sse.newEventBuilder().name("hello").id("0").data("{\"poll_millis\":" + pollMillis + "}")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).build(), now);
    }

    /** a timer of this node only (not persistent): each node looks for its own listeners */
    @PostConstruct
    void start() {
        loop = timers.createIntervalTimer(pollMillis, pollMillis, new TimerConfig("live stream", false));
    }

    @Timeout
    synchronized void tick() {
        try {
            var now = Instant.now();
            if (listeners.prune(now) == 0) return;
            if (sequence < 0) {
                sequence = integrations.lastEventSequence();
                lookedAt = now;
                return;
            }
            for (var event : integrations.eventsAfter(sequence, BATCH)) {
                var json = jakarta.json.Json.createReader(new java.io.StringReader(event)).readObject();
                long at = json.getJsonNumber("sequence").longValue();
                sequence = Math.max(sequence, at);
                send("status", "s" + at, event, now);
            }
            var since = lookedAt.minus(OVERLAP);
            for (var alert : alerts.changedSince(since, BATCH)) {
                var changed = latest(alert.raisedAt(), alert.lastNoticeAt(), alert.acknowledgedAt(), alert.resolvedAt());
                if (fresh("a" + alert.id() + "@" + changed, now)) send("alert", "a" + alert.id(), JsonContract.toJson(alert), now);
            }
            for (var run : runs.finishedSince(since, BATCH)) {
                var entry = RunHistory.of(java.util.List.of(run)).runs().get(0);
                if (fresh("r" + entry.id() + "@" + entry.completedAt(), now)) send("run", "r" + entry.id(), JsonContract.toJson(entry), now);
            }
            lookedAt = now;
            sent.values().removeIf(at -> at.isBefore(now.minus(OVERLAP.multipliedBy(3))));
            if (Duration.between(beatAt, now).compareTo(HEARTBEAT) >= 0) {
                beatAt = now;
                listeners.send(sse.newEventBuilder().comment("still here").build(), now);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "The live stream could not read what changed; it tries again: " + e.getMessage(), e);
        }
    }

    boolean fresh(String key, Instant now) {
        return sent.putIfAbsent(key, now) == null;
    }

    void send(String name, String id, String json, Instant now) {
        OutboundSseEvent event = sse.newEventBuilder().name(name).id(id).data(json).mediaType(MediaType.TEXT_PLAIN_TYPE).build();
        listeners.send(event, now);
    }

    static Instant latest(Instant... instants) {
        Instant latest = null;
        for (var at : instants) if (at != null && (latest == null || at.isAfter(latest))) latest = at;
        return latest;
    }

    @PreDestroy
    synchronized void stop() {
        try {
            if (loop != null) loop.cancel();
        } catch (RuntimeException gone) {
            // undeployed: the timer went with it
        }
        listeners.closeAll();
    }
}
