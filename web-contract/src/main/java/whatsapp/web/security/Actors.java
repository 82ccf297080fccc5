package whatsapp.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who acted, as every actor column stores it ({@code varchar(128)}: audit log, deletion actor, maintenance runs,
 * alert acknowledgements). A token's name is not bounded, so a longer one is cut and ends in {@code ~} and the first
 * 16 hex digits of the SHA-256 of the whole name: still readable, two long names stay apart, and the same name is
 * always stored the same way.
 */
public final class Actors {

    /** The width of every actor column, in characters (PostgreSQL counts code points). */
    public static final int MAX_LENGTH = 128;
    static final int HASH_DIGITS = 16;

    private Actors() {
    }

    /** The actor as stored: unchanged when it fits, else truncated with a hash suffix; null stays null. */
    public static String bounded(String actor) {
        if (actor == null || actor.codePointCount(0, actor.length()) <= MAX_LENGTH) return actor;
        int keep = MAX_LENGTH - 1 - HASH_DIGITS;
        return actor.substring(0, actor.offsetByCodePoints(0, keep)) + "~" + sha256(actor).substring(0, HASH_DIGITS);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
