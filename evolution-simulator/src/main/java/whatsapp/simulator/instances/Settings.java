package whatsapp.simulator.instances;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code Setting} relation of an instance row; the simulator only ever stores the defaults. */
public record Settings(String id, boolean rejectCall, String msgCall, boolean groupsIgnore, boolean alwaysOnline,
                       boolean readMessages, boolean readStatus, boolean syncFullHistory, String wavoipToken,
                       Instant createdAt) {

    private static final String CUID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static Settings of(boolean rejectCall, String msgCall, boolean groupsIgnore, boolean alwaysOnline,
                              boolean readMessages, boolean readStatus, boolean syncFullHistory, Instant createdAt) {
        return new Settings(cuid(), rejectCall, msgCall, groupsIgnore, alwaysOnline, readMessages, readStatus,
                syncFullHistory, "", createdAt);
    }

    public static Settings defaults(Instant createdAt) {
        return new Settings(cuid(), false, "", false, false, false, false, false, "", createdAt);
    }

    /** Prisma's default ids look like {@code cmi0k2x7d0003p81s8h2f4q1z}: 'c' + 24 base-36 characters. */
    static String cuid() {
        var random = ThreadLocalRandom.current();
        var id = new StringBuilder(25).append('c');
        for (int i = 0; i < 24; i++) id.append(CUID_ALPHABET.charAt(random.nextInt(CUID_ALPHABET.length())));
        return id.toString();
    }
}
