package whatsapp.simulator.instances;

import java.time.Instant;
import java.util.UUID;
import whatsapp.simulator.InstanceView;
import whatsapp.simulator.ProbeAnswer;
import whatsapp.simulator.WebhookSettings;

/**
 * One Evolution instance: the DB row ({@code connectionStatus}, disconnection fields, owner) and the
 * live socket state, which differ on purpose, as in Evolution (the stored state changes only on some events). Transitions are synchronized so
 * concurrent calls for one instance see each other's effects whole.
 */
public final class Instance {

    /** What connect found and did: the live state before the call and the QR to answer with. */
    public record Connect(String stateBefore, QrCode qr, long socket) {
    }

    /** What a QR timeout did on a socket still showing codes: a new code, or the give-up ({@code qr} null). */
    public record Rotation(QrCode qr) {
        public boolean gaveUp() { return qr == null; }
    }

    private final long sequence;
    private final String id;
    private final String name;
    private final String token;
    private final String integration;
    private final String number;
    private final Instant createdAt;
    private final Settings settings;

    private boolean loaded = true;
    private String state = "close";
    private String connectionStatus = "close";
    private String ownerJid;
    private String profileName;
    private String profilePicUrl;
    private Integer disconnectionReasonCode;
    private String disconnectionObject;
    private Instant disconnectionAt;
    private Instant updatedAt;
    private WebhookRow webhook;
    private QrCode qr;
    private int qrCount;
    /** Which socket shows the codes: a rotation scheduled for an older socket does nothing. */
    private long socket;
    /** The number a pairing code is issued for on each new code of this socket (null: QR only). */
    private String pairingNumber;
    private ProbeAnswer probeAnswer = ProbeAnswer.ALIVE;

    public Instance(long sequence, String name, String token, String integration, String number, Settings settings) {
        this.sequence = sequence;
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.token = token == null || token.isEmpty() ? UUID.randomUUID().toString().toUpperCase() : token;
        this.integration = integration;
        this.number = number;
        this.createdAt = settings.createdAt();
        this.updatedAt = createdAt;
        this.settings = settings;
    }

    public long sequence() { return sequence; }
    public String id() { return id; }
    public String name() { return name; }
    public String token() { return token; }
    public String number() { return number; }
    public Settings settings() { return settings; }

    /** Seeding writes the row as it is, without transitions or webhooks. */
    synchronized void restore(String status, boolean isLoaded, String owner, String profile,
                              Integer code, String object, Instant at) {
        connectionStatus = status;
        state = status;
        loaded = isLoaded;
        ownerJid = owner;
        profileName = profile;
        disconnectionReasonCode = code;
        disconnectionObject = object;
        disconnectionAt = at;
        updatedAt = at != null && at.isAfter(createdAt) ? at : createdAt;
    }

    public synchronized boolean loaded() { return loaded; }

    /** The live state, or null when the instance is not loaded in memory. */
    public synchronized String state() { return loaded ? state : null; }

    /** The paired JID, sent as a webhook's {@code sender}; null if never paired. */
    public synchronized String ownerJid() { return ownerJid; }

    public synchronized WebhookRow webhook() { return webhook; }

    public synchronized WebhookRow configureWebhook(WebhookSettings settings, Instant now) {
        webhook = webhook == null
                ? new WebhookRow(Settings.cuid(), settings, now, now)
                : webhook.replacedBy(settings, now);
        return webhook;
    }

    /** close → a new socket and QR (DB: connecting); connecting → the current QR; open → nothing. */
    public synchronized Connect connect(String pairingNumber, Instant now) {
        var before = state;
        if ("open".equals(state)) return new Connect(before, null, socket);
        if ("close".equals(state) || qr == null) {
            if ("close".equals(state)) {
                socket++;
                this.pairingNumber = pairingNumber;   // with "connecting" a number is ignored, as in Evolution
            }
            qr = QrCode.generate(++qrCount, this.pairingNumber);
            state = "connecting";
            connectionStatus = "connecting";
            updatedAt = now;
        }
        return new Connect(before, qr, socket);
    }

    /**
     * The current code timed out on socket {@code expected}. As in Evolution 2.3.6 the limit is checked before the
     * count goes up: {@code limit} codes are shown, the next timeout gives up (live state close, count reset, the
     * stored row left at "connecting").
     *
     * @return null when that socket no longer shows codes (paired, closed, another socket)
     */
    public synchronized Rotation rotate(long expected, int limit, Instant now) {
        if (!loaded || socket != expected || !"connecting".equals(state)) return null;
        if (qrCount >= limit) {
            state = "close";
            qrCount = 0;
            qr = null;
            return new Rotation(null);
        }
        qr = QrCode.generate(++qrCount, pairingNumber);
        connectionStatus = "connecting";
        updatedAt = now;
        return new Rotation(qr);
    }

    /** The phone scanned the QR: open, owner and profile written to the row. */
    public synchronized void pair(String jid, String profile, Instant now) {
        loaded = true;
        state = "open";
        connectionStatus = "open";
        ownerJid = jid;
        profileName = profile;
        qr = null;
        qrCount = 0;
        updatedAt = now;
    }

    /** A terminal close: live and DB state close, disconnection fields written; owner kept. */
    public synchronized String close(int code, String object, Instant now) {
        var before = state;
        state = "close";
        connectionStatus = "close";
        disconnectionReasonCode = code;
        disconnectionObject = object;
        disconnectionAt = now;
        updatedAt = now;
        qr = null;
        return before;
    }

    /**
     * Logout: only an open or connecting socket is closed.
     *
     * @return the live state before the call; null when not loaded (nothing happens), "close" when nothing to do
     */
    public synchronized String closeIfConnected(int code, String object, Instant now) {
        if (!loaded) return null;
        if ("close".equals(state)) return state;
        return close(code, object, now);
    }

    /**
     * The DB row's {@code connectionStatus} only, the live socket untouched: Evolution writes the stored state on
     * some events only, so its {@code fetchInstances} can lag {@code connectionState} (e.g. still "close" while the
     * socket is open again).
     */
    public synchronized void lagRow(String storedStatus) {
        connectionStatus = storedStatus;
    }

    /**
     * Evolution restarted and has not loaded the instance again yet ({@code setInstance} awaits the connect before it
     * registers it): {@code connectionState} names no state, {@code webhook/find} answers {@code null}.
     */
    public synchronized void loaded(boolean isLoaded) { loaded = isLoaded; }

    /** The stored webhook row replaced as it is (drift: lost, emptied, pointed elsewhere); null drops it. */
    public synchronized void replaceWebhook(WebhookSettings settings, Instant now) {
        webhook = settings == null ? null : webhook == null ? new WebhookRow(Settings.cuid(), settings, now, now)
                : webhook.replacedBy(settings, now);
    }

    /** What the liveness probe's route answers while the instance is open (a zombie: CLOSED or HUNG). */
    public synchronized ProbeAnswer probeAnswer() { return probeAnswer; }

    public synchronized void probeAnswer(ProbeAnswer answer) {
        probeAnswer = answer == null ? ProbeAnswer.ALIVE : answer;
    }

    /** A restart opens a fresh socket: whatever hung or closed under the cached "open" state is gone. */
    public synchronized void restarted() {
        probeAnswer = ProbeAnswer.ALIVE;
    }

    public synchronized InstanceView view() {
        return new InstanceView(id, name, connectionStatus, state(), loaded, ownerJid, profileName, profilePicUrl,
                integration, number, token, disconnectionReasonCode, disconnectionObject, disconnectionAt,
                createdAt, updatedAt, webhook == null ? null : webhook.settings(), qrCount);
    }

    @Override
    public String toString() {
        return "Instance[" + name + "]";
    }
}
