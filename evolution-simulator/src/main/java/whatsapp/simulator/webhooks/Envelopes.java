package whatsapp.simulator.webhooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.instances.Timestamps;

/**
 * The delivery envelope: {@code {event, instance, data, destination, date_time, sender, server_url, apikey}}.
 * {@code sender} only once paired; {@code apikey} is null in 2.3.6 and absent in 1.8 (tokens not exposed).
 */
public final class Envelopes {

    private final Supplier<String> serverUrl;
    private final Supplier<ApiVersion> version;

    public Envelopes(Supplier<String> serverUrl, Supplier<ApiVersion> version) {
        this.serverUrl = serverUrl;
        this.version = version;
    }

    ObjectNode of(WebhookEvent event, String destination) {
        var envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("event", event.event()).put("instance", event.instance());
        envelope.set("data", event.data());
        envelope.put("destination", destination).put("date_time", Timestamps.format(Instant.now()));
        if (event.sender() != null) envelope.put("sender", event.sender());
        envelope.put("server_url", serverUrl.get());
        if (version.get() == ApiVersion.V2) envelope.putNull("apikey");
        return envelope;
    }
}
