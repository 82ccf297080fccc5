package whatsapp.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An instance put straight into the simulator's "database", as if Evolution had it already:
 * {@code SeedInstance.named("clinic-org-1-1763224272772").status("open").ownerJid("5511999990000@s.whatsapp.net")}.
 * Null token = a fresh upper-case UUID; null createdAt = now. {@code loaded(false)} = the DB row
 * exists but the instance is not in Evolution's memory. Seeding a name that exists replaces it.
 */
public record SeedInstance(String name, String status, String ownerJid, String profileName, String number,
                           Integer disconnectionReasonCode, String disconnectionObject, Instant disconnectionAt,
                           Instant createdAt, String token, boolean loaded, WebhookSettings webhook) {

    private static final Set<String> STATES = Set.of("open", "connecting", "close");

    public SeedInstance {
        Objects.requireNonNull(name, "name");
        if (!STATES.contains(status)) throw new IllegalArgumentException("status must be open, connecting or close: " + status);
    }

    public static SeedInstance named(String name) {
        return new SeedInstance(name, "close", null, null, null, null, null, null, null, null, true, null);
    }

    public SeedInstance status(String value) {
        return new SeedInstance(name, value, ownerJid, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, loaded, webhook);
    }

    public SeedInstance ownerJid(String value) {
        return new SeedInstance(name, status, value, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, loaded, webhook);
    }

    public SeedInstance profileName(String value) {
        return new SeedInstance(name, status, ownerJid, value, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, loaded, webhook);
    }

    /** The create-time {@code number} column (what {@code fetchInstances?number=} matches), not the owner. */
    public SeedInstance number(String value) {
        return new SeedInstance(name, status, ownerJid, profileName, value, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, loaded, webhook);
    }

    /** @param objectJson the {@code disconnectionObject} column: a JSON document kept as a string */
    public SeedInstance disconnection(Integer code, String objectJson, Instant at) {
        return new SeedInstance(name, status, ownerJid, profileName, number, code,
                objectJson, at, createdAt, token, loaded, webhook);
    }

    public SeedInstance createdAt(Instant value) {
        return new SeedInstance(name, status, ownerJid, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, value, token, loaded, webhook);
    }

    public SeedInstance token(String value) {
        return new SeedInstance(name, status, ownerJid, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, value, loaded, webhook);
    }

    public SeedInstance loaded(boolean value) {
        return new SeedInstance(name, status, ownerJid, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, value, webhook);
    }

    /** @param events Evolution event names; empty = all events */
    public SeedInstance webhook(String url, Map<String, String> headers, List<String> events) {
        return webhook(WebhookSettings.to(url, headers, events));
    }

    public SeedInstance webhook(WebhookSettings value) {
        return new SeedInstance(name, status, ownerJid, profileName, number, disconnectionReasonCode,
                disconnectionObject, disconnectionAt, createdAt, token, loaded, value);
    }

    /** The token is a credential: never printed. */
    @Override
    public String toString() {
        return "SeedInstance[name=" + name + ", status=" + status + ", ownerJid=" + ownerJid
                + ", loaded=" + loaded + ", disconnectionReasonCode=" + disconnectionReasonCode + "]";
    }
}
