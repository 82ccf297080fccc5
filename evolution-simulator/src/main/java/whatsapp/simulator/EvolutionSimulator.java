package whatsapp.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import whatsapp.simulator.admin.AdminRoutes;
import whatsapp.simulator.evolution.EvolutionRoutes;
import whatsapp.simulator.evolution.InstanceLifecycle;
import whatsapp.simulator.evolution.Options;
import whatsapp.simulator.faults.CallCounters;
import whatsapp.simulator.faults.FaultGate;
import whatsapp.simulator.faults.Faults;
import whatsapp.simulator.http.Daemons;
import whatsapp.simulator.http.Router;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.instances.InstanceStore;
import whatsapp.simulator.webhooks.DeliveryPolicy;
import whatsapp.simulator.webhooks.Envelopes;
import whatsapp.simulator.webhooks.WebhookSender;

/**
 * A double of Evolution API 2.3.6 (1.8 shapes with {@link #useVersion}) on the JDK HTTP server, with
 * in-memory instances, webhooks, faults and call counters. Everything offered over {@code /__admin/}
 * is offered here in-process. {@code try (var evolution = EvolutionSimulator.start(0, "key")) {...}}
 */
public final class EvolutionSimulator implements AutoCloseable {

    private final String apiKey;
    private final EvolutionRoutes evolution;
    private final Options options = new Options();
    private final InstanceStore store = new InstanceStore();
    private final Faults faults = new Faults();
    private final CallCounters counters = new CallCounters();
    private final ThreadPoolExecutor requestThreads = new ThreadPoolExecutor(64, 1024, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Daemons.named("evolution-simulator"), new ThreadPoolExecutor.CallerRunsPolicy());
    private final WebhookSender webhooks;
    private final InstanceLifecycle lifecycle;
    private final HttpServer server;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every keep-alive
        // answer waits ~40 ms for the client's delayed ACK, which no real Evolution (Node.js) does.
        // Read once, when the JDK's HTTP server is first used.
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
    }

    private EvolutionSimulator(int port, String apiKey, String bindAddress) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 512);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.webhooks = new WebhookSender(new Envelopes(() -> baseUrl, options::version));
        this.lifecycle = new InstanceLifecycle(store, webhooks, options);
        requestThreads.allowCoreThreadTimeOut(true);
        evolution = new EvolutionRoutes(store, lifecycle, options, apiKey, () -> baseUrl);
        server.createContext("/", new Router(evolution, new AdminRoutes(this), new FaultGate(faults, counters, options::latency)));
        server.setExecutor(requestThreads);
        server.start();
        RUNNING.put(baseUrl, this);
    }

    /** @param port 0 = a free port; binds 127.0.0.1 */
    public static EvolutionSimulator start(int port, String apiKey) {
        return start(port, apiKey, "127.0.0.1");
    }

    /** @param bindAddress "0.0.0.0" to be reachable from containers */
    public static EvolutionSimulator start(int port, String apiKey, String bindAddress) {
        if (apiKey == null || apiKey.isEmpty()) throw new IllegalArgumentException("an API key is required");
        try {
            return new EvolutionSimulator(port, apiKey, bindAddress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port, e);
        }
    }

    public String baseUrl() { return baseUrl; }
    public int port() { return server.getAddress().getPort(); }
    public String apiKey() { return apiKey; }

    public void seed(SeedInstance... instances) { seed(Arrays.asList(instances)); }

    public void seed(List<SeedInstance> instances) {
        var now = Instant.now();
        for (var seed : instances) store.seed(seed, now);
    }

    /** The phone scanned the QR: open, {@code ownerJid} "<digits>@s.whatsapp.net"; webhook connection.update open. */
    public void pair(String name, String phoneNumber) { lifecycle.pair(name, phoneNumber, null); }

    public void pair(String name, String phoneNumber, String profileName) { lifecycle.pair(name, phoneNumber, profileName); }

    /** WhatsApp drops the session; terminal reasons close the instance and send the close webhooks. */
    public void disconnect(String name, Disconnect reason) { lifecycle.disconnect(name, reason); }

    /**
     * What the liveness probe's route ({@code POST /chat/whatsappNumbers/{name}}) answers for this instance from now
     * on while it is open: {@link ProbeAnswer#CLOSED} or {@link ProbeAnswer#HUNG} make it a zombie (still {@code open}
     * in {@code connectionState} and the listing); a restart makes it {@link ProbeAnswer#ALIVE} again.
     */
    /**
     * Somebody deleted the instance and created it again under the same name, outside the service (Evolution's manager,
     * another tool): a new {@code id} (a fresh UUID, as Evolution gives every create), the same state and owner, and no
     * webhook settings (whoever recreated it did not set ours). Sends no webhook: the new instance has none.
     */
    public void recreate(String name) {
        var old = store.find(name).orElseThrow(() -> new java.util.NoSuchElementException("no instance named " + name)).view();
        var status = old.state() == null ? old.connectionStatus() : old.state();
        var seed = SeedInstance.named(name).status(status);
        if (old.ownerJid() != null) seed = seed.ownerJid(old.ownerJid());
        store.seed(seed, Instant.now());
    }

    /**
     * The instance's stored webhook settings drift (Evolution #2027, #2694: lost or emptied after a restart; or somebody
     * pointed them elsewhere): replaced by {@code settings} as they are, or dropped when null ({@code webhook/find}
     * then answers {@code null}).
     */
    public void webhookSettings(String name, WebhookSettings settings) {
        require(name).replaceWebhook(settings, Instant.now());
    }

    /**
     * Evolution restarted and has not loaded the instance yet ({@code false}): {@code connectionState} names no
     * state and {@code webhook/find} answers {@code null}; {@code true} loads it again.
     */
    public void loaded(String name, boolean loaded) {
        require(name).loaded(loaded);
    }

    private Instance require(String name) {
        return store.find(name).orElseThrow(() -> new java.util.NoSuchElementException("no instance named " + name));
    }

    /**
     * A reconnect storm: {@code cycles} pairs of {@code connection.update} connecting/open webhooks (statusReason 200, no
     * close in between, as 2.3.x shows a 440 loop), {@code pause} apart; the instance stays open.
     */
    public void reconnectStorm(String name, int cycles, Duration pause) {
        lifecycle.reconnectStorm(name, cycles, pause);
    }

    public void probeAnswer(String name, ProbeAnswer answer) {
        store.find(name).orElseThrow(() -> new java.util.NoSuchElementException("no instance named " + name)).probeAnswer(answer);
    }

    /**
     * The stored row's {@code connectionStatus} (what {@code fetchInstances} answers) becomes {@code storedStatus}
     * while the live state ({@code connectionState}) stays: Evolution's database lagging its socket.
     */
    public void lagRow(String name, String storedStatus) {
        store.find(name).orElseThrow(() -> new java.util.NoSuchElementException("no instance named " + name)).lagRow(storedStatus);
    }

    /**
     * This server and {@code other} run on one database under one client name (Evolution #2027's setup, the cause of
     * 440 conflict loops): from now on each one's full {@code fetchInstances} listing shows the other's instances too,
     * with the same ids. {@link #stopSharingDatabase()} (or {@link #reset()}) gives each its own database again.
     */
    public void shareDatabaseWith(EvolutionSimulator other) {
        store.shareWith(other.store);
        other.store.shareWith(store);
        sharingWith = other;
        other.sharingWith = this;
    }

    /** Each of the two servers on a database of its own again (both sides). */
    public void stopSharingDatabase() {
        var other = sharingWith;
        store.shareWith(null);
        sharingWith = null;
        if (other != null && other.sharingWith == this) {
            other.store.shareWith(null);
            other.sharingWith = null;
        }
    }

    private volatile EvolutionSimulator sharingWith;

    /** The simulators of this JVM by base URL: the admin API names the other server of a shared database by its URL. */
    private static final Map<String, EvolutionSimulator> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    /** @throws java.util.NoSuchElementException when no simulator of this JVM listens there */
    public static EvolutionSimulator running(String baseUrl) {
        var found = RUNNING.get(baseUrl.replaceAll("/+$", ""));
        if (found == null) throw new java.util.NoSuchElementException("no simulator of this process at " + baseUrl);
        return found;
    }

    public void inject(Fault fault) { faults.add(fault); }
    public List<Fault> faults() { return faults.active(); }
    /** Also releases hung calls, which then get their normal answer. */
    public void clearFaults() { faults.clear(); }

    /** @param route a route name ({@code create}, {@code fetchInstances}, ...) or "*" for all */
    public long calls(String route) { return counters.of(route); }
    public Map<String, Long> calls() { return counters.all(); }
    public void resetCalls() { counters.reset(); }

    /** Instances, faults, counters, deliveries (in-flight ones abandoned) and every setting back to the defaults. */
    public void reset() {
        stopSharingDatabase();
        store.clear();
        faults.clear();
        counters.reset();
        options.reset();
        webhooks.forget();
        evolution.globalKey(null);
    }

    /**
     * Rotates Evolution's global key, as an operator changing AUTHENTICATION_API_KEY would: clients
     * still using {@link #apiKey()} get 401 on key-checked calls (and, as Evolution does, still 404 for unknown
     * names). {@link #reset()} restores the original key.
     */
    public void rotateApiKey(String newKey) {
        evolution.globalKey(newKey);
    }

    public void useVersion(ApiVersion version) { options.version(version); }
    public ApiVersion version() { return options.version(); }

    /** Added to every call of an Evolution route. */
    public void latency(Duration perRequest) { options.latency(perRequest); }
    public Duration latency() { return options.latency(); }

    /** Zero (default): a deleted row is gone when the delete is answered; else it lingers after remove.instance. */
    public void removalDelay(Duration delay) { options.removalDelay(delay); }
    public Duration removalDelay() { return options.removalDelay(); }

    /** How long each QR code lasts (Evolution: 45 s); zero: codes never rotate. Applies from the next code. */
    public void qrRotation(Duration perCode) { options.qrRotation(perCode); }
    public Duration qrRotation() { return options.qrRotation(); }

    /** Evolution's {@code QRCODE_LIMIT} (default 30): codes shown before the give-up ({@code state: refused}). */
    public void qrLimit(int codes) { options.qrLimit(codes); }
    public int qrLimit() { return options.qrLimit(); }

    /** Webhook retries after a failed attempt, first backoff (doubling), and per-attempt timeout. */
    public void webhookPolicy(int retries, Duration backoff, Duration timeout) {
        webhooks.policy(new DeliveryPolicy(retries, backoff, timeout));
    }

    public DeliveryPolicy webhookPolicy() { return webhooks.policy(); }

    public Optional<InstanceView> instance(String name) { return store.find(name).map(Instance::view); }
    public List<InstanceView> instances() { return store.all().stream().map(Instance::view).toList(); }

    public List<WebhookDelivery> deliveries() { return webhooks.log().all(); }
    public void clearDeliveries() { webhooks.log().clear(); }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        RUNNING.remove(baseUrl, this);
        faults.close();
        server.stop(0);
        requestThreads.shutdownNow();
        lifecycle.close();
        webhooks.close();
    }

    /** {@code --port 8081 --api-key X --bind 0.0.0.0 --version v2}; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        CommandLine.run(args);
    }
}
