package whatsapp.simulator.evolution;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.WebhookSettings;
import whatsapp.simulator.http.Daemons;
import whatsapp.simulator.instances.Disconnections;
import whatsapp.simulator.instances.Instance;
import whatsapp.simulator.instances.InstanceStore;
import whatsapp.simulator.instances.WebhookRow;
import whatsapp.simulator.webhooks.WebhookEvent;
import whatsapp.simulator.webhooks.WebhookSender;

/**
 * What happens to instances, with the webhooks Evolution sends for it: create, connect, pair,
 * disconnect, logout, delete. Shared by the Evolution routes, the admin routes and the Java API.
 */
public final class InstanceLifecycle {

    /** A created instance and, when {@code qrcode:true} was asked, its first QR. */
    record Created(Instance instance, Instance.Connect connect) {
    }

    private final InstanceStore store;
    private final WebhookSender sender;
    private final Options options;
    /** QR timeouts: each socket showing codes gets its next code (or the give-up) from here. */
    private final ScheduledExecutorService qrTimeouts =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("evolution-simulator-qr"));

    public InstanceLifecycle(InstanceStore store, WebhookSender sender, Options options) {
        this.store = store;
        this.sender = sender;
        this.options = options;
    }

    /** Stops the QR timeouts (the simulator is closing). */
    public void close() {
        qrTimeouts.shutdownNow();
    }

    /** @return empty when the name is taken (checked and claimed atomically) */
    Optional<Created> create(NewInstance request) {
        var instance = store.newInstance(request.name(), request.token(), request.integration(), request.number(),
                request.settings());
        if (request.webhook() != null) instance.configureWebhook(request.webhook(), Instant.now());
        if (!store.addIfAbsent(instance)) return Optional.empty();
        notify(instance, WebhookEvent.instanceCreate(instance.view()));
        Instance.Connect connect = null;
        if (request.qrcode() && "WHATSAPP-BAILEYS".equals(request.integration())) connect = connect(instance, request.number());
        return Optional.of(new Created(instance, connect));
    }

    /** A closed socket opens and shows a QR ({@code connection.update} connecting, {@code qrcode.updated}). */
    Instance.Connect connect(Instance instance, String pairingNumber) {
        var connect = instance.connect(pairingNumber, Instant.now());
        if ("close".equals(connect.stateBefore())) {
            var view = instance.view();
            notify(instance, WebhookEvent.connectionConnecting(view));
            notify(instance, WebhookEvent.qrcodeUpdated(view, connect.qr()));
            // the session keeps the rotation and limit it started with: a test that speeds them up for its own
            // instances leaves every other waiting QR as it was
            scheduleQrTimeout(instance, connect.socket(), options.qrRotation(), options.qrLimit());
        }
        return connect;
    }

    /** The next code after {@code period}, {@link Options#qrRotation()} when the session began (zero: codes never rotate). */
    private void scheduleQrTimeout(Instance instance, long socket, java.time.Duration period, int limit) {
        if (period.isZero() || qrTimeouts.isShutdown()) return;
        try {
            qrTimeouts.schedule(() -> qrTimeout(instance, socket, period, limit), period.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the simulator is closing
        }
    }

    /**
     * A code timed out: a new code ({@code qrcode.updated}), or past the session's {@link Options#qrLimit()} the give-up, with
     * Evolution's two webhooks in its order: {@code qrcode.updated} without a code, then {@code connection.update}
     * {@code refused}; nothing after that (Evolution mutes the session).
     */
    private void qrTimeout(Instance instance, long socket, java.time.Duration period, int limit) {
        if (store.find(instance.name()).orElse(null) != instance) return;   // deleted or reset meanwhile
        var rotation = instance.rotate(socket, limit, Instant.now());
        if (rotation == null) return;
        var view = instance.view();
        if (rotation.gaveUp()) {
            notifyInOrder(instance, WebhookEvent.qrcodeLimitReached(view), WebhookEvent.connectionRefused(view));
            return;
        }
        notify(instance, WebhookEvent.qrcodeUpdated(view, rotation.qr()));
        scheduleQrTimeout(instance, socket, period, limit);
    }

    /** The second event leaves once the first one's delivery ended (Evolution emits them one after the other). */
    private void notifyInOrder(Instance instance, WebhookEvent first, WebhookEvent second) {
        var webhook = webhookOf(instance);
        if (webhook == null) return;
        sender.send(webhook, first).whenComplete((done, failure) -> sender.send(webhook, second));
    }

    public void pair(String name, String phoneNumber, String profileName) {
        var instance = require(name);
        var digits = phoneNumber.replaceFirst("[:@].*$", "").replaceAll("\\D", "");
        instance.pair(digits + "@s.whatsapp.net", profileName == null ? "WhatsApp " + digits : profileName, Instant.now());
        notify(instance, WebhookEvent.connectionOpen(instance.view()));
    }

    public void disconnect(String name, Disconnect reason) {
        var instance = require(name);
        var version = options.version();
        if (reason.terminalIn(version)) {
            var now = Instant.now();
            instance.close(reason.code(), Disconnections.describe(reason, name, now), now);
            notifyTerminalClose(instance, reason.code());
        } else if (version == ApiVersion.V1_8) {
            var view = instance.view();
            notify(instance, WebhookEvent.connectionClose(view, reason.code()));
            notify(instance, WebhookEvent.connectionConnecting(view));
            if ("open".equals(view.state())) notify(instance, WebhookEvent.connectionOpen(view));
        }
    }

    /**
     * A reconnect loop as 2.3.x shows it (two processes on one database, overlapping connects): the close (440) is never
     * emitted, only {@code connecting}/{@code open} pairs with {@code statusReason} 200, {@code cycles} times,
     * {@code pause} apart; the instance stays open.
     */
    public void reconnectStorm(String name, int cycles, java.time.Duration pause) {
        var instance = require(name);
        for (int i = 0; i < cycles; i++) {
            notify(instance, WebhookEvent.connectionConnecting(instance.view()));
            sleep(pause);
            notify(instance, WebhookEvent.connectionOpen(instance.view()));
            sleep(pause);
        }
    }

    private static void sleep(java.time.Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the live state before: null = not loaded (nothing done), "close" = not connected (nothing done) */
    String logout(Instance instance) {
        var now = Instant.now();
        var before = instance.closeIfConnected(401, Disconnections.loggedOut(instance.name(), now), now);
        if (before != null && !"close".equals(before)) notifyTerminalClose(instance, 401);
        return before;
    }

    /** Logs out a connected instance, announces the deletion, and drops the row (see {@link Options#removalDelay()}). */
    void delete(Instance instance) {
        logout(instance);
        var view = instance.view();
        var removal = CompletableFuture.<Void>completedFuture(null);
        if (view.loaded()) {
            notify(instance, WebhookEvent.instanceDelete(view));
            var webhook = webhookOf(instance);
            if (webhook != null) {
                removal = sender.send(webhook, WebhookEvent.removeInstance(view), sender.policy().singleQuickAttempt());
            }
        }
        var delay = options.removalDelay();
        if (delay.isZero()) {
            store.remove(instance);
        } else {
            removal.thenRunAsync(() -> store.remove(instance),
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    WebhookRow configureWebhook(Instance instance, WebhookSettings settings) {
        return instance.configureWebhook(settings, Instant.now());
    }

    private void notifyTerminalClose(Instance instance, int code) {
        var view = instance.view();
        if (options.version() == ApiVersion.V2) notify(instance, WebhookEvent.statusInstance(view));
        notify(instance, WebhookEvent.logoutInstance(view));
        notify(instance, WebhookEvent.connectionClose(view, code));
    }

    private void notify(Instance instance, WebhookEvent event) {
        var webhook = webhookOf(instance);
        if (webhook != null) sender.send(webhook, event);
    }

    private static WebhookSettings webhookOf(Instance instance) {
        var row = instance.webhook();
        return row == null ? null : row.settings();
    }

    private Instance require(String name) {
        return store.find(name).orElseThrow(() -> new NoSuchElementException("no instance named " + name));
    }
}
