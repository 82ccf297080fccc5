package whatsapp.simulator.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import whatsapp.simulator.WebhookDelivery;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.http.Daemons;
import whatsapp.simulator.http.Json;

/**
 * Posts events to an instance's webhook off the request threads, retrying per {@link DeliveryPolicy}
 * and logging every attempt. Only enabled {@code http(s)} webhooks subscribed to the event are called.
 */
public final class WebhookSender implements AutoCloseable {

    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2, Daemons.named("webhook-client"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Daemons.named("webhook-retry"));
    /** HTTP/1.1 as Evolution's axios speaks it (no h2c upgrade attempts). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads).connectTimeout(Duration.ofSeconds(2)).build();
    private final DeliveryLog log = new DeliveryLog();
    private final Envelopes envelopes;
    private volatile DeliveryPolicy policy = DeliveryPolicy.DEFAULT;
    /** Deliveries started before the last {@link #forget()} are neither logged nor retried. */
    private final AtomicLong generation = new AtomicLong();

    public WebhookSender(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    public DeliveryLog log() {
        return log;
    }

    /** Back to a clean slate: empty log, default policy, in-flight deliveries abandoned. */
    public void forget() {
        generation.incrementAndGet();
        policy = DeliveryPolicy.DEFAULT;
        log.clear();
    }

    public void policy(DeliveryPolicy newPolicy) {
        policy = newPolicy;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** @return completes after the last attempt (at once when the webhook does not take this event) */
    public CompletableFuture<Void> send(WebhookSettings webhook, WebhookEvent event) {
        return send(webhook, event, policy);
    }

    public CompletableFuture<Void> send(WebhookSettings webhook, WebhookEvent event, DeliveryPolicy using) {
        if (!subscribed(webhook, event)) return CompletableFuture.completedFuture(null);
        var url = webhook.byEvents() ? webhook.url() + "/" + EventNames.pathSuffix(event.event()) : webhook.url();
        var done = new CompletableFuture<Void>();
        try {
            var body = Json.MAPPER.writeValueAsString(envelopes.of(event, webhook.url()));
            attempt(new Post(event, url, headers(webhook), body, using, generation.get()), 1, done);
        } catch (Exception e) {
            log.record(new WebhookDelivery(event.event(), event.instance(), url, Map.of(), null, null,
                    e.toString(), 1, Instant.now()));
            done.complete(null);
        }
        return done;
    }

    private record Post(WebhookEvent event, String url, Map<String, String> headers, String body, DeliveryPolicy policy,
                        long generation) {
    }

    private void attempt(Post post, int attempt, CompletableFuture<Void> done) {
        var request = HttpRequest.newBuilder(URI.create(post.url())).timeout(post.policy().timeout())
                .POST(HttpRequest.BodyPublishers.ofString(post.body()));
        post.headers().forEach((name, value) -> {
            try {
                request.setHeader(name, value);
            } catch (IllegalArgumentException restricted) {
                // Host, Content-Length, Connection... are the client's business
            }
        });
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (post.generation() != generation.get()) {
                done.complete(null);
                return;
            }
            var status = response == null ? null : response.statusCode();
            var error = failure == null ? null : String.valueOf(failure.getCause() == null ? failure : failure.getCause());
            log.record(new WebhookDelivery(post.event().event(), post.event().instance(), post.url(), post.headers(),
                    post.body(), status, error, attempt, Instant.now()));
            if (post.policy().retryAfter(status, attempt) && !retries.isShutdown()) {
                var delay = post.policy().delayBefore(attempt + 1).toMillis();
                retries.schedule(() -> attempt(post, attempt + 1, done), delay, TimeUnit.MILLISECONDS);
            } else {
                done.complete(null);
            }
        });
    }

    private static boolean subscribed(WebhookSettings webhook, WebhookEvent event) {
        if (webhook == null || !webhook.enabled() || webhook.url() == null) return false;
        if (!webhook.url().startsWith("http://") && !webhook.url().startsWith("https://")) return false;
        return webhook.events().isEmpty() || webhook.events().contains(EventNames.constant(event.event()));
    }

    /** Custom headers on every POST; a {@code jwt_key} entry becomes {@code Authorization: Bearer <JWT>}. */
    private static Map<String, String> headers(WebhookSettings webhook) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        webhook.headers().forEach((name, value) -> {
            if ("jwt_key".equals(name)) headers.put("Authorization", "Bearer " + WebhookJwt.sign(value, Instant.now()));
            else headers.put(name, value);
        });
        return headers;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        clientThreads.shutdownNow();
    }
}
