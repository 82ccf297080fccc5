package whatsapp.evolution.instances.entity;

/**
 * What the liveness probe ({@code POST /chat/whatsappNumbers/{instance}} with a number known not to be on WhatsApp,
 * a real USync round trip) said about an instance Evolution calls {@code open}. Evolution's own state is a cached
 * value; only a round trip tells a live socket from a dead one.
 *
 * @param verdict what the answer means
 * @param answer  the probe's answer in short, secret-free words (e.g. {@code 400: 428 Connection Closed},
 *                {@code no answer within 12 s}); what a zombie finding records
 */
public record Liveness(Verdict verdict, String answer) {

    public enum Verdict {
        /** 200: WhatsApp answered through the socket */
        ALIVE,
        /** 400 with Baileys' 428 "Connection Closed", its 408 "Timed Out", {@code {}}, or no answer in time: dead */
        DEAD,
        /** nothing known about the socket: Evolution unreachable, 5xx, the instance not found, the key rejected */
        UNKNOWN
    }

    public static Liveness alive() {
        return new Liveness(Verdict.ALIVE, "200");
    }

    public static Liveness dead(String answer) {
        return new Liveness(Verdict.DEAD, answer);
    }

    public static Liveness unknown(String reason) {
        return new Liveness(Verdict.UNKNOWN, reason);
    }
}
