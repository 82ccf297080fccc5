package whatsapp.simulator;

/**
 * What {@code POST /chat/whatsappNumbers/{instance}} (the liveness probe's route) answers for an instance whose socket
 * Evolution still calls {@code open}: Evolution's own state is a cached value only Baileys' events change, so an
 * instance can stay {@code open} while its socket is closed or hung (a zombie).
 */
public enum ProbeAnswer {
    /** 200 with one entry per number asked, {@code exists: false} (a USync round trip to WhatsApp went through) */
    ALIVE,
    /** 400 with Baileys' Boom body, {@code output.statusCode} 428 "Connection Closed": the socket is closed */
    CLOSED,
    /**
     * no answer until the probe answer changes (or after 60 s, 400 {@code {}}: Baileys' query timeout turned into a
     * TypeError): the socket hangs
     */
    HUNG
}
