package whatsapp.evolution.instances.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Vetoed;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.function.Function;
import whatsapp.evolution.instances.control.Clients;
import whatsapp.evolution.instances.control.Transport;
import whatsapp.evolution.instances.control.EvolutionAnswer;
import whatsapp.evolution.instances.control.FleetListing;
import whatsapp.evolution.instances.control.EvolutionAnswer.Kind;
import whatsapp.evolution.instances.control.InstancesClient;
import whatsapp.evolution.instances.control.KeyProof;
import whatsapp.evolution.instances.control.Meters;
import whatsapp.evolution.instances.entity.CreateInstance;
import whatsapp.evolution.instances.entity.Creation;
import whatsapp.evolution.instances.entity.EvolutionInstance;
import whatsapp.evolution.instances.entity.Listing;
import whatsapp.evolution.instances.entity.Liveness;
import whatsapp.evolution.instances.entity.StoredWebhook;
import whatsapp.evolution.instances.entity.Lookup;
import whatsapp.evolution.instances.entity.Pairing;
import whatsapp.evolution.instances.entity.Reachability;
import whatsapp.evolution.instances.entity.Removal;
import whatsapp.evolution.instances.entity.Restart;
import whatsapp.evolution.instances.entity.Webhook;

/**
 * Evolution API (2.3.x, and the 1.8 shapes) as outcomes. Never throws for anything Evolution or the network
 * does, never logs bodies, tokens or the API key. "Missing" is only ever Evolution's own 404 for that
 * name, answered while the API key is proven; everything unclear is Unavailable: change nothing.
 * One per Evolution server ({@link EvolutionFleet#on(String)}), each with its own clients and key proof.
 */
@Vetoed
public class Evolution implements AutoCloseable {

    static final Duration PING_CACHE = Duration.ofSeconds(30);
    /** How long a placement probe's answer is reused. */
    static final Duration PROBE_CACHE = Duration.ofSeconds(5);
    static final String PROBE_NAME = "whatsapp-placement-probe";

    String server = EvolutionServer.DEFAULT;
    /** Non-null: this server is no longer configured, and this is why nothing is sent. */
    String unconfigured;

    Clients clients;
    /** Kept for the liveness probe's clients, one per probe timeout: never printed (the key is inside). */
    EvolutionSettings settings;
    final java.util.Map<Duration, InstancesClient> livenessClients = new java.util.concurrent.ConcurrentHashMap<>();
    InstancesClient instances;
    InstancesClient fleet;
    KeyProof keyProof;
    Transport transport;
    Clock clock;
    /**
     * How long a call waits for a key proof under way: as long as the listing may take, as when each call listed on
     * its own (the request path's time budget cuts it shorter).
     */
    Duration proofWait;
    ExecutorService ownProofThread;
    final AtomicReference<Reachability> lastPing = new AtomicReference<>();
    final AtomicReference<Reachability> lastProbe = new AtomicReference<>();

    protected Evolution() {
    }

    public Evolution(EvolutionSettings settings) {
        this(settings, null, Clock.systemUTC());
    }

    /** @param registry null: no metrics */
    public Evolution(EvolutionSettings settings, MeterRegistry registry, Clock clock) {
        this(EvolutionServer.DEFAULT, settings, registry, clock);
    }

    /** @param server the server's name: the metrics' {@code server} tag */
    public Evolution(String server, EvolutionSettings settings, MeterRegistry registry, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.settings = settings;
        this.proofWait = settings.listTimeout();
        this.keyProof = new KeyProof(clock, settings.keyProofValidity(), proofExecutor());
        this.transport = new Transport(keyProof, new Meters(registry, server));
        this.clients = Clients.of(settings.url(), settings.apiKey(), settings.connectTimeout(), settings.readTimeout(),
                settings.listTimeout());
        this.instances = clients.instances();
        this.fleet = clients.fleet();
    }

    /**
     * A server rows still name but configuration no longer does: every call answers Unavailable ("not configured")
     * without sending anything, so that its instances are never taken for missing.
     */
    public static Evolution unconfigured(String server) {
        var evolution = new Evolution();
        evolution.server = server;
        evolution.clock = Clock.systemUTC();
        evolution.proofWait = Duration.ZERO;
        evolution.keyProof = new KeyProof(evolution.clock, Duration.ZERO, Runnable::run);
        evolution.transport = Transport.unconfigured(server, evolution.keyProof);
        evolution.unconfigured = "Evolution server " + server + " is not configured";
        return evolution;
    }

    /** This server's name in the fleet. */
    public String server() {
        return server;
    }

    /**
     * One instance with its database row ({@code fetchInstances?instanceName=}: id, owner, disconnection
     * fields; {@code connectionStatus} may lag the live socket: Evolution writes it only on some events). That route answers 404 for a row not
     * loaded in memory, so a 404 is confirmed with {@code connectionState}, whose "exists" includes such rows.
     */
    public Lookup lookup(String name) {
        return lookup(name, proofWait);
    }

    /**
     * Like {@link #lookup(String)}, but never waits for a key proof (a full listing): when the key is unproven, an
     * instance Evolution answers 404 for is Unavailable at once, and a proof starts in the background. For callers
     * that must answer fast whatever Evolution does, such as a webhook delivery.
     */
    public Lookup lookupWithoutWaiting(String name) {
        return lookup(name, Duration.ZERO);
    }

    Lookup lookup(String name, Duration proofWait) {
        requireName(name);
        var answer = transport.send("fetchInstances", name, () -> instances.fetchInstance(name), true);
        if (answer.kind() == Kind.OK) {
            var row = EvolutionInstance.named(name, answer.body());
            return row == null ? new Lookup.Unavailable("answer does not name this instance") : new Lookup.Found(row);
        }
        if (answer.kind() != Kind.INSTANCE_NOT_FOUND) return new Lookup.Unavailable(answer.reason());
        return liveState(name, proofWait);
    }

    /**
     * The live socket's state ({@code GET /instance/connectionState/{name}}), which the fleet listing's stored
     * {@code connectionStatus} may lag: Found with only the name and {@code connectionStatus} set (null when Evolution
     * names no state, e.g. an instance not loaded in memory).
     */
    public Lookup liveState(String name) {
        requireName(name);
        return liveState(name, proofWait);
    }

    Lookup liveState(String name, Duration proofWait) {
        var live = transport.send("connectionState", name, () -> instances.connectionState(name), true);
        return switch (live.kind()) {
            case OK -> live.object() == null ? new Lookup.Unavailable("unexpected connectionState answer")
                    : new Lookup.Found(EvolutionInstance.from(live.object()).named(name));
            case INSTANCE_NOT_FOUND -> orUnavailable(keyDoubt(proofWait), new Lookup.Missing(name), Lookup.Unavailable::new);
            default -> new Lookup.Unavailable(live.reason());
        };
    }

    /** Every instance in Evolution's database: one call, long timeout; the body (tokens!) is never kept. */
    public Listing list() {
        var at = clock.instant();
        return transport.stream("fetchInstances", fleet::fetchInstances, body -> FleetListing.read(body, at),
                answer -> new Listing.Unavailable(answer.reason()));
    }

    /** Never retried: a create that timed out may have happened; the next attempt then meets NameTaken. */
    public Creation create(CreateInstance request) {
        var name = requireName(request.instanceName());
        var answer = transport.send("create", name, () -> instances.create(request.toJson()), false);
        return switch (answer.kind()) {
            case OK -> answer.object() == null ? new Creation.Unavailable("unexpected create answer")
                    : Creation.Created.of(name, answer.object());
            case REFUSED -> answer.status() == 403 && answer.says("already in use") ? new Creation.NameTaken(name)
                    : answer.status() == 400 ? new Creation.Rejected(answer.messages())
                    : new Creation.Unavailable(answer.reason());
            default -> new Creation.Unavailable(answer.reason());
        };
    }

    /** Logout (400 "not connected" and 404 are fine), then delete: Evolution refuses to delete a connected instance. Idempotent. */
    public Removal delete(String name) {
        requireName(name);
        var logout = transport.send("logout", name, () -> instances.logout(name), true);
        if (!mayDeleteAfter(logout)) return new Removal.Unavailable(logout.reason());
        var answer = transport.send("delete", name, () -> instances.delete(name), true);
        return switch (answer.kind()) {
            case OK -> new Removal.Deleted(name);
            case INSTANCE_NOT_FOUND -> orUnavailable(keyDoubt(), new Removal.AlreadyGone(name), Removal.Unavailable::new);
            default -> new Removal.Unavailable(answer.reason());
        };
    }

    /** An Evolution-side 500 on logout still allows delete: newer builds answer 500 after logging out (#2567). */
    static boolean mayDeleteAfter(EvolutionAnswer logout) {
        return switch (logout.kind()) {
            case OK, INSTANCE_NOT_FOUND -> true;
            case REFUSED -> logout.status() == 400;
            case FAILED -> logout.status() == 500;
            case KEY_REJECTED, ROUTE_NOT_FOUND -> false;
        };
    }

    /** Never retried, never to be called twice at once for one instance: two sockets for one session would fight (conflict, device removal). */
    public Pairing connect(String name, Optional<String> number) {
        requireName(name);
        var answer = transport.send("connect", name, () -> instances.connect(name, number.orElse(null)), false);
        return switch (answer.kind()) {
            case OK -> answer.object() == null ? new Pairing.Unavailable("unexpected connect answer")
                    : Pairing.of(name, answer.object());
            case INSTANCE_NOT_FOUND -> orUnavailable(keyDoubt(), new Pairing.Missing(name), Pairing.Unavailable::new);
            default -> new Pairing.Unavailable(answer.reason());
        };
    }

    /** Does not wait for the reconnect: confirm with {@link #lookup(String)} or the connection.update webhook. */
    public Restart restart(String name) {
        requireName(name);
        var answer = transport.send("restart", name, () -> instances.restart(name), false);
        return switch (answer.kind()) {
            case OK -> answer.object() == null ? new Restart.Unavailable("unexpected restart answer")
                    : Restart.Restarted.of(name, answer.object());
            case INSTANCE_NOT_FOUND -> orUnavailable(keyDoubt(), new Restart.Missing(name), Restart.Unavailable::new);
            default -> new Restart.Unavailable(answer.reason());
        };
    }

    /**
     * Points the instance's webhook at {@code url} with these headers and events ({@code POST /webhook/set}), e.g. to give
     * an adopted instance a secret we know. @return true when Evolution stored it
     */
    public boolean setWebhook(String name, String url, java.util.Map<String, String> headers, List<String> events) {
        requireName(name);
        var body = jakarta.json.Json.createObjectBuilder()
                .add("webhook", new Webhook(url, headers, events).toJson().add("enabled", true)).build();
        return transport.send("webhookSet", name, () -> instances.setWebhook(name, body), false).kind() == Kind.OK;
    }

    /**
     * The liveness probe: {@code POST /chat/whatsappNumbers/{name}} with {@code number}, a number known not to be on
     * WhatsApp (only existing numbers are cached, so each probe is a real round trip to WhatsApp, and nobody sees
     * anything), within {@code timeout}. Never retried here: the caller decides when to ask again (a 428 also appears
     * briefly during a reconnect).
     */
    public Liveness liveness(String name, String number, Duration timeout) {
        requireName(name);
        if (unconfigured != null) return Liveness.unknown(unconfigured);
        var client = livenessClients.computeIfAbsent(timeout, t -> Clients.client(settings.url(), settings.apiKey(),
                settings.connectTimeout(), t));
        var body = jakarta.json.Json.createObjectBuilder().add("numbers", jakarta.json.Json.createArrayBuilder().add(number)).build();
        var answer = transport.send("whatsappNumbers", name, () -> client.whatsappNumbers(name, body), false);
        return liveness(answer, timeout);
    }

    static Liveness liveness(EvolutionAnswer answer, Duration timeout) {
        return switch (answer.kind()) {
            case OK -> answer.array() != null ? Liveness.alive() : Liveness.unknown("unexpected answer");
            case REFUSED -> answer.says("Connection Closed") ? Liveness.dead("400: Connection Closed")
                    : Liveness.unknown(answer.reason());
            case FAILED -> {
                if (answer.status() == 0 && "timeout".equals(answer.reason()))
                    yield Liveness.dead("no answer within " + timeout.toSeconds() + " s");
                if (answer.status() != 400) yield Liveness.unknown(answer.reason());
                var boom = answer.object();
                if (boom == null) yield Liveness.unknown(answer.reason());
                if (boom.isEmpty()) yield Liveness.dead("400: {} (no answer from WhatsApp, or not loaded)");
                var output = boom.get("output") instanceof jakarta.json.JsonObject o ? o : null;
                var code = output != null && output.get("statusCode") instanceof jakarta.json.JsonNumber n ? n.intValue() : null;
                var payload = output != null && output.get("payload") instanceof jakarta.json.JsonObject p ? p : null;
                var message = payload != null && payload.get("message") instanceof jakarta.json.JsonString m ? " " + m.getString() : "";
                yield code != null && (code == 428 || code == 408) ? Liveness.dead("400: " + code + message)
                        : Liveness.unknown(answer.reason());
            }
            case INSTANCE_NOT_FOUND, KEY_REJECTED, ROUTE_NOT_FOUND -> Liveness.unknown(answer.reason());
        };
    }

    /**
     * The instance's stored webhook settings ({@code GET /webhook/find/{name}}), to compare with what we set. A
     * {@code null} answer is {@link StoredWebhook#none()}: never set, dropped, or the instance not loaded (right after an
     * Evolution restart): confirm with {@link #liveState(String)} before acting on it.
     */
    public StoredWebhook findWebhook(String name) {
        requireName(name);
        var answer = transport.send("webhookFind", name, () -> instances.findWebhook(name), true);
        if (answer.kind() == Kind.OK) return StoredWebhook.of(answer.body());
        if (answer.kind() == Kind.FAILED && answer.status() == 200) return StoredWebhook.none(); // "null" has no JSON object
        return StoredWebhook.unavailable(answer.reason());
    }

    /** {@code GET /} (no key involved), bounded by the connect timeout, cached for 30 s. */
    public Reachability ping() {
        if (unconfigured != null) return new Reachability.Unreachable(unconfigured, clock.instant());
        var last = lastPing.get();
        if (last != null && last.checkedAt().plus(PING_CACHE).isAfter(clock.instant())) return last;
        var answer = transport.send(Transport.ROOT, null, clients.probe()::root, false);
        var version = answer.object() == null ? null : answer.object().get("version");
        Reachability result = answer.kind() == Kind.OK && version instanceof JsonString text
                ? new Reachability.Reachable(text.getString(), clock.instant())
                : new Reachability.Unreachable(answer.kind() == Kind.OK ? "not an Evolution API root" : answer.reason(),
                clock.instant());
        lastPing.set(result);
        return result;
    }

    /**
     * Whether the server answers an authenticated call now (placement): {@code fetchInstances} of a name nobody uses,
     * bounded by the connect timeout, cached for 5 s. Its 404 or 200 proves server and key.
     */
    public Reachability probe() {
        if (unconfigured != null) return new Reachability.Unreachable(unconfigured, clock.instant());
        var last = lastProbe.get();
        if (last != null && last.checkedAt().plus(PROBE_CACHE).isAfter(clock.instant())) return last;
        var answer = transport.send("probe", PROBE_NAME, () -> clients.probe().fetchInstance(PROBE_NAME), false);
        Reachability result = answer.kind() == Kind.OK || answer.kind() == Kind.INSTANCE_NOT_FOUND
                ? new Reachability.Reachable(null, clock.instant())
                : new Reachability.Unreachable(answer.reason(), clock.instant());
        lastProbe.set(result);
        return result;
    }

    String keyDoubt() {
        return keyDoubt(proofWait);
    }

    /**
     * @param wait how long to wait for a proof under way (one per node, see {@link KeyProof})
     * @return null when the API key is proven (by one fleet listing if need be), else why it is not
     */
    String keyDoubt(Duration wait) {
        // a listing proves the key; its (possibly large) body is streamed past, never kept
        return keyProof.doubt(() -> transport.stream("fetchInstances", fleet::fetchInstances, body -> EvolutionAnswer.accepted(),
                answer -> answer), wait);
    }

    /** The default managed executor: the standard name, WildFly's global name, Payara's global name. */
    static final List<String> DEFAULT_EXECUTOR_NAMES = List.of("java:comp/DefaultManagedExecutorService",
            "java:jboss/ee/concurrency/executor/default", "concurrent/__defaultManagedExecutorService");

    /**
     * Where key proofs run: the server's default managed executor when there is one, else a daemon thread of our
     * own (tests, tools), stopped by {@link #close()}.
     */
    Executor proofExecutor() {
        // the standard name first; the server's global names after it, for a thread that has no component context
        for (var name : DEFAULT_EXECUTOR_NAMES) {
            try {
                return InitialContext.doLookup(name);
            } catch (NamingException | RuntimeException | NoClassDefFoundError notHere) {
                // the next name, or our own thread
            }
        }
        ownProofThread = Executors.newSingleThreadExecutor(task -> {
            var thread = new Thread(task, "evolution-key-proof");
            thread.setDaemon(true);
            return thread;
        });
        return ownProofThread;
    }

    static <T> T orUnavailable(String doubt, T answer, Function<String, ? extends T> unavailable) {
        return doubt == null ? answer : unavailable.apply(doubt);
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("instance name is required");
        return name;
    }

    @Override
    public void close() {
        if (ownProofThread != null) ownProofThread.shutdownNow();
        if (clients != null) clients.close();
        for (var client : livenessClients.values()) {
            try {
                client.close();
            } catch (java.io.IOException | RuntimeException e) {
                // gone either way
            }
        }
    }
}
