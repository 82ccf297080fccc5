package whatsapp.integrations.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import whatsapp.integrations.events.entity.Sequenced;

/**
 * Sends one ordered event to Redis: appended to the stream {@value #STREAM} (for consumer groups, which resume where
 * they stopped) under the entry id {@code 0-<sequence>}, then published on the topic {@value #TOPIC} (live listeners).
 * Redis refuses an id not above the stream's last one, so an event sent again after a failed batch is not appended
 * twice; the stream holds each event once, in sequence order. The topic stays at-least-once.
 */
@ApplicationScoped
public class EventStream {

    public static final String TOPIC = "whatsapp:instance-events";
    public static final String STREAM = "whatsapp:instance-events:stream";

    @Inject
    RedissonClient redis;

    @Inject
    @ConfigProperty(name = "events.stream-max-length", defaultValue = "100000")
    int maxLength;

    public static StreamMessageId entryId(long sequence) {
        return new StreamMessageId(0, sequence);
    }

    /** @throws Exception when Redis did not take the event within 2 s: the batch waits in the outbox */
    public void send(Sequenced event) throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("event_id", event.eventId().toString());
        fields.put("type", event.type().wire);
        fields.put("sequence", Long.toString(event.sequence()));
        fields.put("version", Long.toString(event.version()));
        fields.put("instance_name", event.instanceName());
        fields.put("event", event.payload());
        try {
            redis.<String, String>getStream(STREAM).addAsync(entryId(event.sequence()),
                    StreamAddArgs.entries(fields).trimNonStrict().maxLen(maxLength).noLimit())
                    .toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!alreadyAppended(e.getCause())) throw e;
        }
        redis.getTopic(TOPIC).publishAsync(event.payload()).toCompletableFuture().get(2, TimeUnit.SECONDS);
    }

    /** "ERR The ID specified in XADD is equal or smaller than the target stream top item". */
    static boolean alreadyAppended(Throwable cause) {
        return cause != null && cause.getMessage() != null && cause.getMessage().contains("equal or smaller");
    }
}
