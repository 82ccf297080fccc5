package whatsapp.simulator;

/**
 * Why WhatsApp dropped a paired session, with the Baileys status code Evolution sees.
 * Terminal codes close the instance for good (DB row updated, close webhooks); the others make
 * Evolution reconnect at once and, in 2.3.6, write and send nothing.
 */
public enum Disconnect {
    /** Phone → Linked devices → Log out, or WhatsApp removed the device: stream error 401 device_removed. */
    DEVICE_REMOVED(401, true),
    /** A logout requested through the API ("Log out instance: name"). */
    API_LOGOUT(401, true),
    /** The same session came online elsewhere (440 connectionReplaced). */
    CONFLICT(440, false),
    /** Login rejected by WhatsApp (Baileys CB:failure, 403 forbidden). */
    BANNED_403(403, true),
    /** A temporary ban (Baileys CB:failure 402; upstream calls it a temporary ban): terminal in 2.3.x. */
    TEMPORARILY_BANNED_402(402, true),
    /** A permanent ban (Baileys CB:failure 406): terminal in 2.3.x. */
    BANNED_406(406, true),
    /** Connection lost or timed out (408); Evolution reconnects silently. */
    TRANSIENT_DROP(408, false);

    private final int code;
    private final boolean terminalInV2;

    Disconnect(int code, boolean terminalInV2) {
        this.code = code;
        this.terminalInV2 = terminalInV2;
    }

    public int code() {
        return code;
    }

    /** 2.3.6 treats 401/402/403/406 as terminal; 1.8 only 401. */
    public boolean terminalIn(ApiVersion version) {
        return version == ApiVersion.V2 ? terminalInV2 : code == 401;
    }
}
